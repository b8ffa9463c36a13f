import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";
import type { BroadcastSourceGrant } from "./broadcast-source";

export interface BroadcastOptions {
  /**
   * Who broadcasts: a grant from the delivering broadcaster's allowlist
   * (`BroadcastSourceAllowlist`). Missing or foreign, the broadcast is
   * refused with `UNAUTHORIZED_SOURCE`. Bind code sets it through
   * `withBroadcastSource`; feature code never passes it.
   */
  readonly source?: BroadcastSourceGrant;
  /** Leave this socket out (an inbound handler's `toOthers`). */
  readonly exceptSocketId?: string;
  /** Deliver to this instance's subscribers only (liveness ticks); `seq` then comes from a per-instance epoch. */
  readonly local?: boolean;
  /** The message id clients de-duplicate on (`id` in the envelope); a random UUID when absent. The outbox relay passes the record's. */
  readonly messageId?: string;
  /**
   * The caller retries failures itself (the outbox relay): when the shared
   * sequence store is unreachable, reject instead of falling back to
   * local-only delivery, so no instance's subscribers miss the message.
   */
  readonly durable?: boolean;
}

export interface BroadcastReceipt {
  readonly channel: string;
  readonly seq: number;
  readonly epoch: string;
  readonly emittedAt: number;
  /** Sockets on this instance the message was written to. */
  readonly delivered: number;
  /** The envelope's `id`. */
  readonly messageId?: string;
  /** True when the message was stored in the outbox, to be delivered after commit (`seq` is then 0). */
  readonly queued?: boolean;
}

/**
 * Gate 4: fan a server-side state change out to a channel's subscribers.
 * The source gate comes first (a broadcast without an allowed source rejects
 * with `RealtimeError("UNAUTHORIZED_SOURCE")`); then the payload is validated
 * once against the channel schema; an invalid payload is a server bug and
 * rejects with `RealtimeError("INVALID_PAYLOAD")`.
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
