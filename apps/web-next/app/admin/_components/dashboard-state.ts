import { clusterTotals, EMPTY_CLUSTER_VIEW, withInstanceSample, withoutStaleInstances } from "@repo/admin-observability/client";
import type { ClusterView, TActivityEntry, TAdminObservabilityMessage, TDashboardSnapshot, TMetricsSample } from "@repo/admin-observability/client";

/** Points on the chart: a minute at the default 1 s sample interval with one instance. */
export const MAX_CHART_SAMPLES = 60;
/** Rows in the event log. */
export const MAX_LOG_EVENTS = 50;

/** One point of the chart: the cluster's totals right after an instance's sample arrived. */
export interface ChartPoint {
  readonly at: number;
  readonly messagesPerSecond: number;
  readonly connectedSockets: number;
}

export interface DashboardState {
  readonly sampleIntervalMs: number;
  readonly staleAfterMs: number;
  /** The latest sample of every instance that reported, with when this page received it. */
  readonly cluster: ClusterView;
  /** Oldest first; the last one is current. */
  readonly points: readonly ChartPoint[];
  /** Newest first. */
  readonly events: readonly TActivityEntry[];
  /** Counts every applied snapshot or message, so the "updated" marker changes each time. */
  readonly updates: number;
  readonly updatedAt: number | null;
  /** The page's clock when the state was last folded or ticked: what staleness is measured against. */
  readonly now: number;
}

function pointOf(sample: Pick<TMetricsSample, "at" | "messagesPerSecond" | "connectedSockets">): ChartPoint {
  return { at: sample.at, messagesPerSecond: sample.messagesPerSecond, connectedSockets: sample.connectedSockets };
}

// A bus publish has one id: the snapshot and the channel may both carry it.
function mergeEvents(current: readonly TActivityEntry[], incoming: readonly TActivityEntry[]): TActivityEntry[] {
  const byId = new Map<string, TActivityEntry>();
  for (const entry of [...current, ...incoming]) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.at - a.at).slice(0, MAX_LOG_EVENTS);
}

/** The newest sample of a snapshot (the answering instance's current one). */
function latestOf(snapshot: TDashboardSnapshot): TMetricsSample | undefined {
  return snapshot.samples.at(-1);
}

/**
 * The state of a page that has just rendered the server's snapshot: the
 * answering instance in the cluster view, its history as the chart's first
 * points. Other instances join as their samples arrive on the channel.
 *
 * @example
 * const [state, setState] = useState(() => dashboardStateFrom(initial, Date.now()));
 */
export function dashboardStateFrom(snapshot: TDashboardSnapshot, now: number): DashboardState {
  const latest = latestOf(snapshot);
  return {
    sampleIntervalMs: snapshot.sampleIntervalMs,
    staleAfterMs: snapshot.staleAfterMs,
    cluster: latest === undefined ? EMPTY_CLUSTER_VIEW : withInstanceSample(EMPTY_CLUSTER_VIEW, latest, now, snapshot.staleAfterMs),
    points: [...snapshot.samples].sort((a, b) => a.at - b.at).slice(-MAX_CHART_SAMPLES).map(pointOf),
    events: mergeEvents([], snapshot.events),
    updates: 0,
    updatedAt: latest?.at ?? null,
    now,
  };
}

/**
 * Folds a fresh snapshot (after a reconnect) into the state, keeping what
 * arrived live meanwhile: the answering instance's latest sample (unless a
 * newer one already arrived) and its events.
 *
 * @example
 * setState((state) => withSnapshot(state, await trpc.adminObservability.snapshot.query(), Date.now()));
 */
export function withSnapshot(state: DashboardState, snapshot: TDashboardSnapshot, now: number): DashboardState {
  const latest = latestOf(snapshot);
  return {
    ...state,
    sampleIntervalMs: snapshot.sampleIntervalMs,
    staleAfterMs: snapshot.staleAfterMs,
    cluster: latest === undefined ? withoutStaleInstances(state.cluster, now, snapshot.staleAfterMs) : withInstanceSample(state.cluster, latest, now, snapshot.staleAfterMs),
    points: state.points.length > 0 ? state.points : snapshot.samples.slice(-MAX_CHART_SAMPLES).map(pointOf),
    events: mergeEvents(state.events, snapshot.events),
    updates: state.updates + 1,
    updatedAt: now,
    now,
  };
}

/**
 * Folds one channel message into the state: a metrics sample replaces its
 * instance's row and adds a point with the new cluster totals to the chart;
 * an activity entry becomes the log's newest row.
 *
 * @example
 * useChannel(adminObservabilityChannel, {}, (message) => setState((state) => withMessage(state, message, Date.now())));
 */
export function withMessage(state: DashboardState, message: TAdminObservabilityMessage, now: number): DashboardState {
  const next = { ...state, updates: state.updates + 1, updatedAt: now, now };
  if (message.kind === "activity") return { ...next, events: mergeEvents(state.events, [message.entry]) };
  const cluster = withInstanceSample(state.cluster, message.sample, now, state.staleAfterMs);
  const totals = clusterTotals(Object.values(cluster).map((reading) => reading.sample));
  const point = pointOf({ at: now, messagesPerSecond: totals.messagesPerSecond, connectedSockets: totals.connectedSockets });
  return { ...next, cluster, points: [...state.points, point].slice(-MAX_CHART_SAMPLES) };
}

/**
 * Moves the page's clock: instances that stopped reporting leave the view
 * even when no message arrives. Returns `state` itself when nothing changed.
 *
 * @example
 * useEffect(() => { const t = setInterval(() => setState((s) => withClock(s, Date.now())), 1000); return () => clearInterval(t); }, []);
 */
export function withClock(state: DashboardState, now: number): DashboardState {
  const cluster = withoutStaleInstances(state.cluster, now, state.staleAfterMs);
  return cluster === state.cluster ? state : { ...state, cluster, now };
}
