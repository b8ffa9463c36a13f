import type { ChannelParams } from "./channel-template";
import type {
  AnyRealtimeChannel,
  ChannelHistoryOptions,
  ChannelInboundParsed,
  ChannelPayload,
} from "./define-realtime-channel";
import type { RealtimeUser } from "./realtime-user";
import type { RateLimit } from "./realtime-limits";
import type { TokenBucketVerdict } from "./token-bucket";
import type { PresenceMember, RealtimeMessage } from "./wire-protocol";

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

/** Credentials a connection presented: a browser's cookie header or a client's `auth.token`. */
export interface RealtimeCredentials {
  readonly cookieHeader?: string;
  readonly token?: string;
}

/**
 * Gate 1 looks users up through this. Return `null` for no credentials;
 * throw `RealtimeError("UNAUTHENTICATED")` for credentials that are invalid,
 * expired or revoked (the connection is then refused).
 */
export interface IRealtimeAuthenticator {
  authenticate(credentials: RealtimeCredentials): Promise<RealtimeUser | null>;
}

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

/** The running transport: what the app and the auth feature need from it. */
export interface IRealtimeServer {
  /** Disconnect every socket opened with this session (logout), on every instance. */
  disconnectSession(sessionId: string, reason?: string): Promise<void>;
  /** Re-run gates 1 and 2 for a user's sockets (roles changed, session revoked), on every instance. */
  reauthenticateUser(userId: string): Promise<void>;
  /** Tell clients about degraded or draining service. */
  setHealth(state: "ok" | "degraded" | "draining", reason?: string): void;
  /** Stop accepting, tell sockets, wait for in-flight handlers (bounded), close. */
  close(options?: { readonly drainTimeoutMs?: number }): Promise<void>;
}

export type HistoryReadResult =
  | { readonly recovered: true; readonly messages: readonly RealtimeMessage[]; readonly seq: number; readonly epoch: string }
  | {
      readonly recovered: false;
      /** `unavailable`: the shared store did not answer; `seq`/`epoch` are then this instance's fallback position. */
      readonly reason: "epoch-changed" | "too-old" | "future" | "no-history" | "unavailable";
      readonly seq: number;
      readonly epoch: string;
    };

/**
 * Assigns `seq` and keeps history for channels that opt in. In memory by
 * default; Redis Streams when several instances share channels.
 */
export interface IChannelLog {
  /** Stamp a message for `channel`; store it when `history` is given. */
  append(
    channel: string,
    payload: unknown,
    emittedAt: number,
    history: ChannelHistoryOptions | undefined,
  ): Promise<{ readonly seq: number; readonly epoch: string }>;
  /** The channel's latest `seq` and the current epoch: where a fresh subscriber starts. */
  position(channel: string): Promise<{ readonly seq: number; readonly epoch: string }>;
  /** Everything after `since` (exclusive), when it is all still kept. */
  readSince(channel: string, since: number, epoch: string | undefined): Promise<HistoryReadResult>;
}

/** One connection of a user on a presence channel; `connectionId` is unique across instances. */
export interface PresenceConnection {
  readonly userId: string;
  readonly connectionId: string;
}

/** A user who left a presence channel because every connection of theirs expired (their instance died). */
export interface ExpiredPresence {
  readonly channel: string;
  readonly userId: string;
}

/**
 * Who is on each presence channel, shared by every instance. Connections are
 * leases: each instance refreshes its own with `touch` well within the TTL,
 * so the connections of an instance that died expire by themselves.
 *
 * @example
 * const joined = await presence.touch("rooms.r1", [{ userId: "alice", connectionId: "i1:s1" }]);
 * if (joined.includes("alice")) announce("join", "alice");
 */
export interface IPresenceStore {
  /** Adds or refreshes connections; answers the users who had no live connection before (they joined). */
  touch(channel: string, connections: readonly PresenceConnection[]): Promise<readonly string[]>;
  /** Removes one connection; true when it was the user's last one on the channel (they left). */
  remove(channel: string, connection: PresenceConnection): Promise<boolean>;
  /** Live members, by user id, with how many connections each holds. */
  list(channel: string): Promise<readonly PresenceMember[]>;
  /** Forgets connections nobody refreshed within the TTL; answers each user who left because of it, once across instances. */
  expire(): Promise<readonly ExpiredPresence[]>;
}

/**
 * Per-key token buckets (per-user publish limits) that every instance shares,
 * so a user's many tabs spread over several instances still share one budget.
 *
 * @example
 * const verdict = await rateLimits.take(`user:${userId}`, { capacity: 60, refillPerSecond: 30 });
 * if (!verdict.ok) return errorAck("RATE_LIMITED", "Too many messages", verdict.retryAfterMs);
 */
export interface IRateLimitStore {
  take(key: string, limit: RateLimit): Promise<TokenBucketVerdict>;
}
