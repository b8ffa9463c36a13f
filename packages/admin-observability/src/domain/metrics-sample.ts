import { z } from "zod";

export const ZRejectionCount = z.object({ gate: z.string(), code: z.string(), count: z.number().int().nonnegative() });
export type TRejectionCount = z.infer<typeof ZRejectionCount>;

/**
 * One reading of this instance's realtime metrics. Totals are counters since
 * the process started; the per-second rates are the counter deltas since the
 * previous sample. The dashboard's own channel is left out of the message
 * counts and rates, so watching the dashboard does not move its numbers.
 */
export const ZMetricsSample = z.object({
  /** Epoch milliseconds. */
  at: z.number(),
  connectedSockets: z.number().int().nonnegative(),
  subscriptions: z.number().int().nonnegative(),
  subscriptionsByTemplate: z.record(z.string(), z.number().int().nonnegative()),
  messagesBroadcastTotal: z.number().nonnegative(),
  messagesDeliveredTotal: z.number().nonnegative(),
  messagesPerSecond: z.number().nonnegative(),
  deliveredPerSecond: z.number().nonnegative(),
  rejectionsTotal: z.number().nonnegative(),
  rejections: z.array(ZRejectionCount),
});
export type TMetricsSample = z.infer<typeof ZMetricsSample>;
