import type { BroadcastReceipt } from "../broadcast/realtime-broadcaster";
import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelInboundParsed, ChannelPayload } from "../channels/define-realtime-channel";
import type { RealtimeUser } from "../channels/realtime-user";

export interface RealtimeHandlerContext<D extends AnyRealtimeChannel = AnyRealtimeChannel> {
  readonly user: RealtimeUser | null;
  readonly userId: string | null;
  readonly roles: readonly string[];
  /** Concrete channel name, e.g. `polls.p1`. */
  readonly channel: string;
  readonly params: ChannelParams<D["name"]>;
  readonly socketId: string;
  /** Client message id, when the publish carried one. */
  readonly messageId: string | undefined;
  /** Broadcast on this same channel; `toOthers` leaves the sender out. */
  broadcast(payload: ChannelPayload<D>, options?: { readonly toOthers?: boolean }): Promise<BroadcastReceipt>;
}

/** An inbound handler: its return value becomes the ack's `result`. */
export type RealtimeInboundHandler<D extends AnyRealtimeChannel = AnyRealtimeChannel> = (
  payload: ChannelInboundParsed<D>,
  context: RealtimeHandlerContext<D>,
) => unknown;

export interface RegisteredInbound<D extends AnyRealtimeChannel = AnyRealtimeChannel> {
  readonly descriptor: D;
  readonly handler: RealtimeInboundHandler<D>;
}

export type ChannelResolution =
  | { readonly kind: "match"; readonly descriptor: AnyRealtimeChannel; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: "invalid-params"; readonly descriptor: AnyRealtimeChannel }
  | { readonly kind: "unknown" };

/**
 * Which channels exist and which accept client publishes. Registering two
 * different descriptors under one name, two handlers for one channel, or two
 * templates that could match the same concrete name throws.
 */
export interface IRealtimeHandlerRegistry {
  /** A channel clients may subscribe to (outbound only unless a handler is registered too). */
  registerChannel(descriptor: AnyRealtimeChannel): void;
  /** A channel plus its inbound handler; the descriptor must declare an `inbound` schema. */
  register<D extends AnyRealtimeChannel>(descriptor: D, handler: RealtimeInboundHandler<D>): void;
  listChannels(): readonly AnyRealtimeChannel[];
  /** The inbound registration of a channel, by its (template) name. */
  getInboundDescriptor(name: string): RegisteredInbound | undefined;
  list(): readonly RegisteredInbound[];
  /** Template-aware lookup of a concrete channel name. */
  resolve(concreteName: string): ChannelResolution;
}
