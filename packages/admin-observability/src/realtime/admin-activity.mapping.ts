import type { EventDescriptor, EventMeta } from "@repo/core-events";
import { bridgeEntry } from "@repo/core-realtime/server";
import type { RealtimeBridgeEntry, RealtimeBridgeMapping } from "@repo/core-realtime/server";
import { toActivityEntry } from "../domain/activity-entry";
import { adminObservabilityChannel } from "./admin-observability.channel";

/**
 * The bridge `map` for one allowlisted event: it becomes an activity entry
 * (identifiers and numbers only) on the dashboard channel.
 *
 * @example
 * adminActivityMapping("job:completed")({ job: "notify", id: "j1", attempt: 1, durationMs: 3 }, meta);
 */
function adminActivityMapping(eventName: string) {
  return (payload: unknown, meta: EventMeta): RealtimeBridgeMapping<typeof adminObservabilityChannel> => ({
    params: {},
    payload: { kind: "activity", entry: toActivityEntry(eventName, payload, meta) },
  });
}

/**
 * One bridge allowlist entry per event, all onto `admin.observability`.
 *
 * @example
 * bindRealtimeBridge(ctx.bus, realtimeFor(ctx, { kind: "event-bridge", name: "admin-observability" }), adminActivityBridgeEntries(ADMIN_ACTIVITY_EVENTS));
 */
export function adminActivityBridgeEntries(events: readonly EventDescriptor[]): RealtimeBridgeEntry[] {
  return events.map((event) => bridgeEntry({ event, channel: adminObservabilityChannel, map: adminActivityMapping(event.name) }));
}
