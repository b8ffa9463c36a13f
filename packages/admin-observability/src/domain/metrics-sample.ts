import { z } from "zod";

const ZRejectionCount = z.object({ gate: z.string(), code: z.string(), count: z.number().int().nonnegative() });
export type TRejectionCount = z.infer<typeof ZRejectionCount>;

/**
 * The transactional outbox as one instance reads it (ADR-021, the
 * `realtime_outbox_*` series). `pending` and `oldestPendingAgeSeconds` are
 * read from the outbox table, which the instances of a cluster share, so
 * every instance reports the same backlog; deliveries and retries are this
 * instance's relay's own counters.
 */
const ZOutboxSample = z.object({
  /** Records committed and not yet delivered (outbox depth). */
  pending: z.number().int().nonnegative(),
  /** Age of the oldest undelivered record, 0 when none waits. */
  oldestPendingAgeSeconds: z.number().nonnegative(),
  /** Records this instance's relay delivered since the process started. */
  deliveriesTotal: z.number().nonnegative(),
  /** Deliveries this instance's relay failed and scheduled again. */
  retriesTotal: z.number().nonnegative(),
});
export type TOutboxSample = z.infer<typeof ZOutboxSample>;

/**
 * One reading of one instance's realtime metrics, labelled with the
 * instance: with several instances every one pushes its own sample on the
 * same channel, and the dashboard keeps the latest per instance. Totals are
 * counters since the process started; the per-second rates are the counter
 * deltas since the previous sample. The dashboard's own channel is left out
 * of the message counts and rates, so watching the dashboard does not move
 * its numbers.
 */
/** Deliveries (one per socket reached) by broadcast source (`kind:name`, the source gate's label), totals since start. */
const ZSourceDeliveries = z.object({ source: z.string(), count: z.number().nonnegative() });
export type TSourceDeliveries = z.infer<typeof ZSourceDeliveries>;

export const ZMetricsSample = z.object({
  /** The instance that took the sample (its realtime instance id). */
  instance: z.string().min(1),
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
  outbox: ZOutboxSample,
  /** Who the deliveries came from (use case, bridge, outbox relay, server API key, inbound handler), most first; absent in older samples. */
  deliveredBySource: z.array(ZSourceDeliveries).optional(),
});
export type TMetricsSample = z.infer<typeof ZMetricsSample>;
