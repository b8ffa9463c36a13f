import type { TMetricsSample, TSourceDeliveries } from "../domain/metrics-sample";
import type { RealtimeTotals } from "./realtime-totals";

/** A reading and when it was taken: what the next sample's rates are computed against. */
export interface TimedTotals {
  readonly at: number;
  readonly totals: RealtimeTotals;
}

function totalExcept(byTemplate: Readonly<Record<string, number>>, excluded: string): number {
  let total = 0;
  for (const [template, value] of Object.entries(byTemplate)) if (template !== excluded) total += value;
  return total;
}

/** Two decimals are plenty on a dashboard and keep payloads short. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Per-second rate of a counter between two readings. A counter that went
 * down was reset (registry replaced, process restarted behind the same
 * source): that interval reports 0 rather than a negative rate.
 */
function ratePerSecond(current: number, previous: number, elapsedMs: number): number {
  if (elapsedMs <= 0 || current < previous) return 0;
  return round2(((current - previous) * 1000) / elapsedMs);
}

/**
 * Turns a reading into `instance`'s dashboard sample: totals as read, rates from the
 * delta to `previous` (0 on the first reading). `excludedTemplate` (the
 * dashboard's own channel) is left out of message counts and rates.
 *
 * @example
 * const sample = computeMetricsSample("instance-a", { at: now, totals }, previous, "admin.observability");
 */
export function computeMetricsSample(instance: string, current: TimedTotals, previous: TimedTotals | null, excludedTemplate: string): TMetricsSample {
  const { totals } = current;
  const broadcast = totalExcept(totals.broadcastByTemplate, excludedTemplate);
  const delivered = totalExcept(totals.deliveredByTemplate, excludedTemplate);
  const elapsedMs = previous === null ? 0 : current.at - previous.at;
  const subscriptionsByTemplate = Object.fromEntries(Object.entries(totals.subscriptionsByTemplate).filter(([, count]) => count > 0));
  return {
    instance,
    at: current.at,
    connectedSockets: Math.max(0, totals.connectedSockets),
    subscriptions: Object.values(subscriptionsByTemplate).reduce((sum, count) => sum + count, 0),
    subscriptionsByTemplate,
    messagesBroadcastTotal: broadcast,
    messagesDeliveredTotal: delivered,
    messagesPerSecond:
      previous === null ? 0 : ratePerSecond(broadcast, totalExcept(previous.totals.broadcastByTemplate, excludedTemplate), elapsedMs),
    deliveredPerSecond:
      previous === null ? 0 : ratePerSecond(delivered, totalExcept(previous.totals.deliveredByTemplate, excludedTemplate), elapsedMs),
    rejectionsTotal: totals.rejections.reduce((sum, r) => sum + r.count, 0),
    rejections: [...totals.rejections],
    outbox: { ...totals.outbox },
    deliveredBySource: deliveriesBySource(totals.deliveredBySourceAndTemplate, excludedTemplate),
  };
}

/** Deliveries per source, the dashboard's own channel left out, zeros dropped, most first. */
function deliveriesBySource(bySource: Readonly<Record<string, Readonly<Record<string, number>>>>, excludedTemplate: string): TSourceDeliveries[] {
  return Object.entries(bySource)
    .map(([source, byTemplate]) => ({ source, count: totalExcept(byTemplate, excludedTemplate) }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source));
}
