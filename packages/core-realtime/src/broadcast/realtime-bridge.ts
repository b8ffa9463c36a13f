import type { EventDescriptor, EventMeta, EventPayload, IEventBus } from "@repo/core-events";
import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";
import type { IRealtimeBroadcaster } from "./realtime-broadcaster";

/** What one allowlisted event becomes on a channel. */
export interface RealtimeBridgeMapping<D extends AnyRealtimeChannel> {
  readonly params: ChannelParams<D["name"]>;
  readonly payload: ChannelPayload<D>;
}

/** One allowlist entry: forward `event` onto `channel` through `map` (return `null` to skip one). */
export interface RealtimeBridgeEntry<
  E extends EventDescriptor = EventDescriptor,
  D extends AnyRealtimeChannel = AnyRealtimeChannel,
> {
  readonly event: E;
  readonly channel: D;
  readonly map: (payload: EventPayload<E>, meta: EventMeta) => RealtimeBridgeMapping<D> | null;
}

/**
 * Typed constructor for an allowlist entry (infers `map`'s argument and result types).
 *
 * @example
 * bridgeEntry({ event: articlePublished, channel: articlesFeedChannel, map: (a) => ({ params: {}, payload: a }) });
 */
export function bridgeEntry<E extends EventDescriptor, D extends AnyRealtimeChannel>(
  entry: RealtimeBridgeEntry<E, D>,
): RealtimeBridgeEntry {
  // The allowlist holds entries of many event/channel pairs; this only pins inference at the call site.
  return entry;
}

/**
 * Subscribes to every allowlisted bus event and forwards it onto its
 * channel. Each entry is its own bus subscriber, so a mapping that throws or
 * produces a payload the channel schema rejects is logged and counted by the
 * bus's per-subscriber isolation, never affects other entries, and never
 * fails the use case that published the event. Events not on the allowlist
 * never reach realtime. Returns a function that removes every subscription.
 */
export function bindRealtimeBridge(
  bus: IEventBus,
  broadcaster: IRealtimeBroadcaster,
  allowlist: readonly RealtimeBridgeEntry[],
): () => void {
  const stops = allowlist.map((entry) =>
    bus.subscribe(
      entry.event,
      async (payload, meta) => {
        const mapped = entry.map(payload, meta);
        if (mapped === null) return;
        await broadcaster.broadcast(entry.channel, mapped.params, mapped.payload);
      },
      { name: `realtime-bridge:${entry.event.name}->${entry.channel.name}` },
    ),
  );
  return () => stops.forEach((stop) => stop());
}
