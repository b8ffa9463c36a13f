import type { IRealtimeBroadcaster } from "@repo/core-realtime/server";
import type { TMetricsSample } from "../domain/metrics-sample";
import { computeMetricsSample } from "../metrics/compute-metrics-sample";
import type { TimedTotals } from "../metrics/compute-metrics-sample";
import type { IRealtimeTotalsSource } from "../metrics/realtime-totals";
import { adminObservabilityChannel } from "../realtime/admin-observability.channel";
import type { IMetricsSampleStore } from "../repositories/metrics-sample-store";

export interface SampleRealtimeMetricsDeps {
  readonly source: IRealtimeTotalsSource;
  readonly samples: IMetricsSampleStore;
  readonly realtime: IRealtimeBroadcaster;
  readonly now?: () => number;
}

export type SampleRealtimeMetrics = () => Promise<TMetricsSample>;

/**
 * Takes one sample: reads the realtime totals, computes messages/s from the
 * counter deltas since the previous call, stores the sample for first paint
 * and pushes it on `admin.observability`. The sampler timer calls it every
 * interval; calls must not overlap (the timer skips a tick while one runs).
 *
 * @example
 * const sample = sampleRealtimeMetricsUseCase({ source, samples, realtime });
 * await sample(); // { connectedSockets, subscriptions, messagesPerSecond, rejectionsTotal, ... }
 */
export function sampleRealtimeMetricsUseCase(deps: SampleRealtimeMetricsDeps): SampleRealtimeMetrics {
  const now = deps.now ?? Date.now;
  let previous: TimedTotals | null = null;
  return async () => {
    const current: TimedTotals = { totals: await deps.source.read(), at: now() };
    const sample = computeMetricsSample(current, previous, adminObservabilityChannel.name);
    previous = current;
    await deps.samples.append(sample);
    await deps.realtime.broadcast(adminObservabilityChannel, {}, { kind: "metrics", sample });
    return sample;
  };
}
