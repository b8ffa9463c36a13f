import { payloadOf } from "../bench-channels";
import { nowMs, waitFor } from "../clock";
import type { PublishPath } from "./outbox-bench-stack";
import type { OutboxSubscribers, Receipt } from "./outbox-subscribers";

export interface PublishPathPlan {
  /** Messages published one at a time, each after the previous one arrived: latency with nothing queued. */
  readonly latencyMessages: number;
  /** Messages published back to back by `writers` concurrent writers (one channel each): throughput. */
  readonly throughputMessages: number;
  readonly writers: number;
  readonly payloadBytes: number;
  /** Bound on waiting for the last delivery of a phase. */
  readonly settleTimeoutMs: number;
}

/** What one publish path achieved. Latency is from the publish call to the subscriber's socket. */
export interface PublishPathFigures {
  readonly idleP50Ms: number | null;
  readonly idleP99Ms: number | null;
  /** Messages delivered per second over the throughput phase (first publish to last delivery). */
  readonly throughputPerSecond: number | null;
  readonly loadedP50Ms: number | null;
  readonly loadedP99Ms: number | null;
  /** Missing deliveries, duplicates and per-channel order breaks, over both phases (all should be 0). */
  readonly lost: number;
  readonly duplicates: number;
  readonly outOfOrder: number;
  /** Subscriber disconnects over both phases (missed heartbeats on a loaded machine). */
  readonly disconnects: number;
}

/** The nearest-rank percentile of unsorted values; `null` for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? null;
}

/** Lost, duplicated and out-of-order deliveries of `expected` messages per writer, numbered from `firstN`. */
export function checkDeliveries(receipts: readonly Receipt[], writers: number, perWriter: number, firstN = 0): { lost: number; duplicates: number; outOfOrder: number } {
  let lost = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  for (let writer = 0; writer < writers; writer++) {
    const ns = receipts.filter((r) => r.writer === writer).map((r) => r.n);
    const distinct = new Set(ns);
    duplicates += ns.length - distinct.size;
    for (let n = firstN; n < firstN + perWriter; n++) if (!distinct.has(n)) lost++;
    for (let i = 1; i < ns.length; i++) if ((ns[i] ?? 0) < (ns[i - 1] ?? 0)) outOfOrder++;
  }
  return { lost, duplicates, outOfOrder };
}

/**
 * Measures one publish path on live subscribers: an idle-latency phase (one
 * message in flight), then a throughput phase (`writers` back-to-back
 * writers). Deliveries are checked for loss, duplicates and per-channel order.
 *
 * @example
 * const figures = await measurePublishPath(stack.outbox, subscribers, plan);
 */
export async function measurePublishPath(publish: PublishPath, subscribers: OutboxSubscribers, plan: PublishPathPlan): Promise<PublishPathFigures> {
  subscribers.reset();
  for (let n = 0; n < plan.latencyMessages; n++) {
    await publish(0, payloadOf(plan.payloadBytes, n, nowMs()));
    const arrived = await waitFor(() => subscribers.receipts.some((r) => r.writer === 0 && r.n === n), plan.settleTimeoutMs, 1);
    if (!arrived) break;
  }
  const idle = [...subscribers.receipts];
  const idleCheck = checkDeliveries(idle, 1, plan.latencyMessages);
  const idleDisconnects = subscribers.disconnects;

  subscribers.reset();
  const perWriter = Math.max(1, Math.floor(plan.throughputMessages / plan.writers));
  const total = perWriter * plan.writers;
  const started = nowMs();
  await Promise.all(
    Array.from({ length: plan.writers }, async (_, writer) => {
      for (let n = 0; n < perWriter; n++) await publish(writer, payloadOf(plan.payloadBytes, n, nowMs()));
    }),
  );
  await waitFor(() => subscribers.receipts.length >= total, plan.settleTimeoutMs, 5);
  const loaded = [...subscribers.receipts];
  const loadedCheck = checkDeliveries(loaded, plan.writers, perWriter);
  const last = loaded.reduce((max, r) => Math.max(max, r.receivedAt), started);
  const latencies = (receipts: readonly Receipt[]) => receipts.map((r) => r.receivedAt - r.sentAt);
  return {
    idleP50Ms: percentile(latencies(idle), 0.5),
    idleP99Ms: percentile(latencies(idle), 0.99),
    throughputPerSecond: loaded.length === 0 ? null : (loaded.length / (last - started)) * 1000,
    loadedP50Ms: percentile(latencies(loaded), 0.5),
    loadedP99Ms: percentile(latencies(loaded), 0.99),
    lost: idleCheck.lost + loadedCheck.lost,
    duplicates: idleCheck.duplicates + loadedCheck.duplicates,
    outOfOrder: idleCheck.outOfOrder + loadedCheck.outOfOrder,
    disconnects: idleDisconnects + subscribers.disconnects,
  };
}
