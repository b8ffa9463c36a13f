import type { IRealtimeBroadcaster } from "@repo/core-realtime/server";
import type { TMetricsSample } from "../domain/metrics-sample";
import { computeMetricsSample } from "../metrics/compute-metrics-sample";
import type { TimedTotals } from "../metrics/compute-metrics-sample";
import type { IRealtimeTotalsSource } from "../metrics/realtime-totals";
import { adminObservabilityChannel } from "../realtime/admin-observability.channel";
import type { IMetricsSampleStore } from "../repositories/metrics-sample-store";

export interface SampleRealtimeMetricsDeps {
  /** This instance's id: every sample is labelled with it, so the dashboard can tell instances apart. */
  readonly instance: string;
  readonly source: IRealtimeTotalsSource;
  readonly samples: IMetricsSampleStore;
  readonly realtime: IRealtimeBroadcaster;
  readonly now?: () => number;
}

export type SampleRealtimeMetrics = () => Promise<TMetricsSample>;

/**
 * Takes one sample of this instance: reads the realtime totals, computes
 * messages/s from the counter deltas since the previous call, stores the
 * sample for first paint and pushes it on `admin.observability`, labelled
 * with `instance` (every instance pushes its own; the page adds them up). The sampler timer calls it every
 * interval; calls must not overlap (the timer skips a tick while one runs).
 *
 * @example
 * const sample = sampleRealtimeMetricsUseCase({ instance: "instance-a", source, samples, realtime });
 * await sample(); // { connectedSockets, subscriptions, messagesPerSecond, rejectionsTotal, ... }
 */
export function sampleRealtimeMetricsUseCase(deps: SampleRealtimeMetricsDeps): SampleRealtimeMetrics {
  const now = deps.now ?? Date.now;
  let previous: TimedTotals | null = null;
  return async () => {
    const current: TimedTotals = { totals: await deps.source.read(), at: now() };
    const sample = computeMetricsSample(deps.instance, current, previous, adminObservabilityChannel.name);
    previous = current;
    await deps.samples.append(sample);
    await deps.realtime.broadcast(adminObservabilityChannel, {}, { kind: "metrics", sample });
    return sample;
  };
}
