import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";

export interface BroadcastOptions {
  /** Leave this socket out (an inbound handler's `toOthers`). */
  readonly exceptSocketId?: string;
  /** Deliver to this instance's subscribers only (liveness ticks); `seq` then comes from a per-instance epoch. */
  readonly local?: boolean;
}

export interface BroadcastReceipt {
  readonly channel: string;
  readonly seq: number;
  readonly epoch: string;
  readonly emittedAt: number;
  /** Sockets on this instance the message was written to. */
  readonly delivered: number;
}

/**
 * Gate 4: fan a server-side state change out to a channel's subscribers.
 * The payload is validated once against the channel schema; an invalid
 * payload is a server bug and rejects with `RealtimeError("INVALID_PAYLOAD")`.
 *
 * @example
 * await realtime.broadcast(notificationsChannel, { userId }, { id, title, body });
 */
export interface IRealtimeBroadcaster {
  broadcast<D extends AnyRealtimeChannel>(
    channel: D,
    params: ChannelParams<D["name"]>,
    payload: ChannelPayload<D>,
    options?: BroadcastOptions,
  ): Promise<BroadcastReceipt>;
}
