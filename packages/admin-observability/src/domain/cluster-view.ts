import type { TMetricsSample } from "./metrics-sample";

/** An instance that sent nothing for this many sample intervals has stopped reporting. */
const STALE_AFTER_SAMPLE_INTERVALS = 5;

/**
 * How long an instance's last sample counts before the dashboard drops the
 * instance: `STALE_AFTER_SAMPLE_INTERVALS` intervals, so a tick or two
 * delayed on a busy machine does not make an instance flicker.
 *
 * @example
 * staleAfterMsFor(1_000); // 5000
 */
export function staleAfterMsFor(sampleIntervalMs: number): number {
  return sampleIntervalMs * STALE_AFTER_SAMPLE_INTERVALS;
}

/** One instance's latest sample and when this view received it (the viewer's clock, so skew between hosts does not matter). */
interface InstanceReading {
  readonly sample: TMetricsSample;
  readonly receivedAt: number;
}

/** The latest reading of every instance that reported, keyed by instance id. */
export type ClusterView = Readonly<Record<string, InstanceReading>>;

/** A view with no instance in it. */
export const EMPTY_CLUSTER_VIEW: ClusterView = {};

/**
 * Folds one instance's sample into the view. A sample older than the one
 * held for its instance (a snapshot fetched after live samples arrived) is
 * ignored; anything else replaces it and counts as a sign of life at
 * `receivedAt`. Instances that stopped reporting are dropped on the way.
 *
 * @example
 * view = withInstanceSample(view, message.sample, Date.now(), snapshot.staleAfterMs);
 */
export function withInstanceSample(view: ClusterView, sample: TMetricsSample, receivedAt: number, staleAfterMs: number): ClusterView {
  const held = view[sample.instance];
  const live = withoutStaleInstances(view, receivedAt, staleAfterMs);
  if (held !== undefined && held.sample.at > sample.at) return live;
  return { ...live, [sample.instance]: { sample, receivedAt } };
}

/**
 * The view without instances whose last sample arrived more than
 * `staleAfterMs` before `now`. Returns `view` itself when nothing is stale.
 *
 * @example
 * setView((view) => withoutStaleInstances(view, Date.now(), staleAfterMs));
 */
export function withoutStaleInstances(view: ClusterView, now: number, staleAfterMs: number): ClusterView {
  const entries = Object.entries(view);
  const live = entries.filter(([, reading]) => now - reading.receivedAt <= staleAfterMs);
  return live.length === entries.length ? view : Object.fromEntries(live);
}

/**
 * The latest sample of every instance still reporting at `now`, ordered by
 * instance id (rows that do not jump around).
 *
 * @example
 * liveInstanceSamples(view, Date.now(), 5_000).map((s) => s.instance);
 */
export function liveInstanceSamples(view: ClusterView, now: number, staleAfterMs: number): TMetricsSample[] {
  return Object.values(withoutStaleInstances(view, now, staleAfterMs))
    .map((reading) => reading.sample)
    .sort((a, b) => a.instance.localeCompare(b.instance));
}
