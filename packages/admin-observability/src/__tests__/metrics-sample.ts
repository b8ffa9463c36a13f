import type { TMetricsSample } from "../domain/metrics-sample";

/** One instance's sample with every figure at zero, for tests to override what they are about. */
export function metricsSample(overrides: Partial<TMetricsSample> = {}): TMetricsSample {
  return {
    instance: "instance-a",
    at: 0,
    connectedSockets: 0,
    subscriptions: 0,
    subscriptionsByTemplate: {},
    messagesBroadcastTotal: 0,
    messagesDeliveredTotal: 0,
    messagesPerSecond: 0,
    deliveredPerSecond: 0,
    rejectionsTotal: 0,
    rejections: [],
    outbox: { pending: 0, oldestPendingAgeSeconds: 0, deliveriesTotal: 0, retriesTotal: 0 },
    ...overrides,
  };
}
