import type { TMetricsSample, TOutboxSample, TRejectionCount } from "./metrics-sample";

/** What the cluster adds up to across the instances that are reporting. */
export interface ClusterTotals {
  readonly instances: number;
  /** The newest sample time among them (epoch ms), `null` with no instance. */
  readonly at: number | null;
  readonly connectedSockets: number;
  readonly subscriptions: number;
  readonly subscriptionsByTemplate: Readonly<Record<string, number>>;
  readonly messagesPerSecond: number;
  readonly deliveredPerSecond: number;
  readonly rejectionsTotal: number;
  readonly rejections: readonly TRejectionCount[];
  readonly outbox: TOutboxSample;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function mergeRejections(samples: readonly TMetricsSample[]): TRejectionCount[] {
  const byKey = new Map<string, TRejectionCount>();
  for (const { gate, code, count } of samples.flatMap((s) => s.rejections)) {
    const key = `${gate}\u0000${code}`;
    byKey.set(key, { gate, code, count: (byKey.get(key)?.count ?? 0) + count });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.gate.localeCompare(b.gate) || a.code.localeCompare(b.code));
}

/**
 * Cluster totals from one sample per instance. Connections, subscriptions,
 * rates, rejections and outbox deliveries/retries are per instance and add
 * up. Outbox depth and oldest age are not: every instance reads them from
 * the one shared outbox table, so the cluster's figure is the largest
 * reading (the same number on each, give or take one poll), never a sum.
 *
 * @example
 * const totals = clusterTotals(liveInstanceSamples(view, Date.now(), staleAfterMs));
 * totals.connectedSockets; // sum over instances
 */
export function clusterTotals(samples: readonly TMetricsSample[]): ClusterTotals {
  const sum = (value: (s: TMetricsSample) => number): number => samples.reduce((total, s) => total + value(s), 0);
  const max = (value: (s: TMetricsSample) => number): number => samples.reduce((top, s) => Math.max(top, value(s)), 0);
  const subscriptionsByTemplate: Record<string, number> = {};
  for (const sample of samples) {
    for (const [template, count] of Object.entries(sample.subscriptionsByTemplate)) {
      subscriptionsByTemplate[template] = (subscriptionsByTemplate[template] ?? 0) + count;
    }
  }
  return {
    instances: samples.length,
    at: samples.length === 0 ? null : max((s) => s.at),
    connectedSockets: sum((s) => s.connectedSockets),
    subscriptions: sum((s) => s.subscriptions),
    subscriptionsByTemplate,
    messagesPerSecond: round2(sum((s) => s.messagesPerSecond)),
    deliveredPerSecond: round2(sum((s) => s.deliveredPerSecond)),
    rejectionsTotal: sum((s) => s.rejectionsTotal),
    rejections: mergeRejections(samples),
    outbox: {
      pending: max((s) => s.outbox.pending),
      oldestPendingAgeSeconds: max((s) => s.outbox.oldestPendingAgeSeconds),
      deliveriesTotal: sum((s) => s.outbox.deliveriesTotal),
      retriesTotal: sum((s) => s.outbox.retriesTotal),
    },
  };
}
