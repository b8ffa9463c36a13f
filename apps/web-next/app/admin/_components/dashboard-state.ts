import type { TActivityEntry, TAdminObservabilityMessage, TDashboardSnapshot, TMetricsSample } from "@repo/admin-observability/client";

/** Points on the chart: a minute at the default 1 s sample interval. */
export const MAX_CHART_SAMPLES = 60;
/** Rows in the event log. */
export const MAX_LOG_EVENTS = 50;

export interface DashboardState {
  readonly sampleIntervalMs: number;
  /** Oldest first; the last one is current. */
  readonly samples: readonly TMetricsSample[];
  /** Newest first. */
  readonly events: readonly TActivityEntry[];
  /** Counts every applied snapshot or message, so the "updated" marker changes each time. */
  readonly updates: number;
  readonly updatedAt: number | null;
}

function mergeSamples(current: readonly TMetricsSample[], incoming: readonly TMetricsSample[]): TMetricsSample[] {
  const byTime = new Map<number, TMetricsSample>();
  for (const sample of [...current, ...incoming]) byTime.set(sample.at, sample);
  return [...byTime.values()].sort((a, b) => a.at - b.at).slice(-MAX_CHART_SAMPLES);
}

// A bus publish has one id: the snapshot and the channel may both carry it.
function mergeEvents(current: readonly TActivityEntry[], incoming: readonly TActivityEntry[]): TActivityEntry[] {
  const byId = new Map<string, TActivityEntry>();
  for (const entry of [...current, ...incoming]) byId.set(entry.id, entry);
  return [...byId.values()].sort((a, b) => b.at - a.at).slice(0, MAX_LOG_EVENTS);
}

/**
 * The state of a page that has just rendered the server's snapshot.
 *
 * @example
 * const [state, setState] = useState(() => dashboardStateFrom(initial));
 */
export function dashboardStateFrom(snapshot: TDashboardSnapshot): DashboardState {
  return {
    sampleIntervalMs: snapshot.sampleIntervalMs,
    samples: mergeSamples([], snapshot.samples),
    events: mergeEvents([], snapshot.events),
    updates: 0,
    updatedAt: snapshot.samples.at(-1)?.at ?? null,
  };
}

/**
 * Folds a fresh snapshot (after a reconnect) into the state, keeping what
 * arrived live meanwhile.
 *
 * @example
 * setState((state) => withSnapshot(state, await trpc.adminObservability.snapshot.query()));
 */
export function withSnapshot(state: DashboardState, snapshot: TDashboardSnapshot, now: number): DashboardState {
  return {
    sampleIntervalMs: snapshot.sampleIntervalMs,
    samples: mergeSamples(state.samples, snapshot.samples),
    events: mergeEvents(state.events, snapshot.events),
    updates: state.updates + 1,
    updatedAt: now,
  };
}

/**
 * Folds one channel message into the state: a metrics sample becomes the
 * chart's newest point, an activity entry the log's newest row.
 *
 * @example
 * useChannel(adminObservabilityChannel, {}, (message) => setState((state) => withMessage(state, message, Date.now())));
 */
export function withMessage(state: DashboardState, message: TAdminObservabilityMessage, now: number): DashboardState {
  const next = { ...state, updates: state.updates + 1, updatedAt: now };
  return message.kind === "metrics"
    ? { ...next, samples: mergeSamples(state.samples, [message.sample]) }
    : { ...next, events: mergeEvents(state.events, [message.entry]) };
}
