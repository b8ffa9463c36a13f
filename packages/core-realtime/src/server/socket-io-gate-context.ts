import type { Logger, RealtimeMetrics } from "@repo/core-observability";
import type { ChannelPolicyCache } from "./channel-policy-cache";
import type { IIdempotencyStore } from "./idempotency-store";
import type { InFlightTracker } from "./in-flight-tracker";
import type { BroadcastSourceGrant } from "../broadcast/broadcast-source";
import type { IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import type { IRealtimeHandlerRegistry, RealtimeInboundHandler } from "../handlers/realtime-handler-registry";
import type { IChannelLog } from "../history/channel-log";
import type { IRateLimitStore } from "../rate-limits/rate-limit-store";
import type { IRealtimeAuthenticator, RealtimeCredentials } from "./realtime-authenticator";
import type { LocalConnectionTable } from "./local-connection-table";
import type { PresenceTracker } from "../presence/presence-tracker";
import type { RealtimeLimits } from "../rate-limits/realtime-limits";
import type { RealtimeIOSocket } from "../socket-io-server-types";
import type { TokenBucket } from "../rate-limits/token-bucket";
import type { PublishAck } from "../protocol/wire-protocol";

/** The one pseudo-member each subscribed socket holds on the occupancy tracker: a channel is occupied while any socket holds it. */
export const OCCUPANCY_MEMBER = "subscribers";

/** What only this process knows about a socket: never put on `socket.data` (see RealtimeSocketData). */
interface SocketLocalState {
  /** Kept for re-authentication; never logged. */
  readonly credentials: RealtimeCredentials;
  readonly bucket: TokenBucket;
  /** This socket's recent channel-policy verdicts. */
  readonly policyCache: ChannelPolicyCache;
}

/** Everything the four gates share, assembled once by `SocketIORealtimeServer`. */
export interface SocketIOGateContext {
  readonly registry: IRealtimeHandlerRegistry;
  readonly authenticator: IRealtimeAuthenticator;
  readonly broadcaster: IRealtimeBroadcaster;
  /** The source an inbound handler's `ctx.broadcast` speaks as (`inbound-handler:<template>`), one per registered handler. */
  inboundSource(template: string): BroadcastSourceGrant;
  readonly channelLog: IChannelLog;
  readonly log: Logger;
  readonly metrics: RealtimeMetrics;
  readonly limits: RealtimeLimits;
  readonly allowedOrigins: readonly string[];
  /** The protocol version this server speaks; a handshake needs the same major. */
  readonly protocolVersion: string;
  readonly connections: LocalConnectionTable;
  /** Anonymous sockets per client address (keyed by `clientAddressKey`). */
  readonly anonymousConnections: LocalConnectionTable;
  /** Who is on each presence channel (ADR-019). */
  readonly presence: PresenceTracker;
  /** Which channels have subscribers anywhere in the cluster (one pseudo-member per socket); null without webhooks. */
  readonly occupancy: PresenceTracker | null;
  /** Per-user publish buckets shared by every instance (Redis when configured). */
  readonly rateLimits: IRateLimitStore;
  readonly socketState: WeakMap<RealtimeIOSocket, SocketLocalState>;
  /** Publish de-duplication, per user (Redis when configured, shared by every instance). */
  readonly idempotency: IIdempotencyStore<PublishAck>;
  readonly inFlight: InFlightTracker;
  readonly wrapHandler: (channelTemplate: string, handler: RealtimeInboundHandler) => RealtimeInboundHandler;
  /** The server's clock (session expiry, policy cache expiry); injectable for tests. */
  readonly now: () => number;
  /** The token buckets' clock: monotonic `performance.now`, or the injected `now` in tests. */
  readonly bucketClock: () => number;
  /** True once `close()` started: new connections are turned away. */
  isClosing(): boolean;
}
