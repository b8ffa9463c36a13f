import type { EventMeta } from "@repo/core-events";
import { toActivityEntry } from "../../domain/activity-entry";
import type { RecordActivity } from "../../use-cases/record-activity";

/**
 * Bus subscriber for one allowlisted event: records it in the activity log.
 *
 * @example
 * ctx.bus.subscribe(jobFailed, onAdminActivity(jobFailed.name, { recordActivity }), { name: "admin-observability.activity-log" });
 */
export function onAdminActivity(eventName: string, deps: { readonly recordActivity: RecordActivity }) {
  return (payload: unknown, meta: EventMeta): Promise<void> => deps.recordActivity(toActivityEntry(eventName, payload, meta));
}
