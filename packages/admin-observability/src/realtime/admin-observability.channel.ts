import { defineRealtimeChannel } from "@repo/core-realtime";
import { z } from "zod";
import { ZActivityEntry } from "../domain/activity-entry";
import { ZMetricsSample } from "../domain/metrics-sample";

/** A new metrics sample (every `sampleIntervalMs`). */
const ZAdminMetricsMessage = z.object({ kind: z.literal("metrics"), sample: ZMetricsSample });

/** One allowlisted bus event or job lifecycle event, forwarded by the realtime bridge. */
export const ZAdminActivityMessage = z.object({ kind: z.literal("activity"), entry: ZActivityEntry });

export const ZAdminObservabilityMessage = z.discriminatedUnion("kind", [ZAdminMetricsMessage, ZAdminActivityMessage]);
export type TAdminObservabilityMessage = z.infer<typeof ZAdminObservabilityMessage>;

/**
 * The live admin dashboard: metrics samples and bus/job activity. Admins
 * only (`{ role: "admin" }`): anyone else is refused at subscribe, so no
 * message ever reaches their socket. Outbound only, no history: a page gets
 * its first paint from the `adminObservability.snapshot` query.
 *
 * @example
 * useChannel(adminObservabilityChannel, {}, (message) => (message.kind === "metrics" ? addSample(message.sample) : addEntry(message.entry)));
 */
export const adminObservabilityChannel = defineRealtimeChannel({
  name: "admin.observability",
  scope: { role: "admin" },
  schema: ZAdminObservabilityMessage,
  description: "Live realtime metrics and event/job traffic for admins",
});
