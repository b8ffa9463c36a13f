import type { Server as HttpServer } from "node:http";
import type { Logger, RealtimeMetrics } from "@repo/core-observability";
import type { IRealtimeHandlerRegistry, RealtimeInboundHandler } from "../handlers/realtime-handler-registry";
import type { IChannelLog } from "../history/channel-log";
import type { IPresenceStore } from "../presence/presence-store";
import type { IRateLimitStore } from "../rate-limits/rate-limit-store";
import type { IRealtimeAuthenticator } from "./realtime-authenticator";
import type { RealtimeLimits } from "../rate-limits/realtime-limits";
import type { IIdempotencyStore } from "./idempotency-store";
import type { SocketIOAdapterFactory } from "../socket-io-server-types";
import type { PublishAck } from "../protocol/wire-protocol";
import type { IRealtimeWebhookSink } from "../webhooks/webhook-events";

/** Everything `SocketIORealtimeServer` is built from; only the first four are required. */
export interface SocketIORealtimeServerOptions {
  /** The app's http server; shared with Next and tRPC, so `close()` leaves it running. */
  httpServer: HttpServer;
  registry: IRealtimeHandlerRegistry;
  authenticator: IRealtimeAuthenticator;
  logger: Logger;
  metrics?: RealtimeMetrics;
  /** Sequence/history store; defaults to an in-memory log (single instance). */
  channelLog?: IChannelLog;
  /** Who is on presence channels; defaults to an in-memory store (single instance). */
  presence?: IPresenceStore;
  /** How often this instance renews its presence leases and expires dead instances' ones; keep well under the store's TTL. Default 10 s. */
  presenceHeartbeatMs?: number;
  /** Per-user publish buckets; defaults to in-memory (per instance). */
  rateLimits?: IRateLimitStore;
  /** Publish de-duplication by client message id, per user; defaults to in-memory (per instance). Pass a `RedisIdempotencyStore` so a retry on another instance runs once. */
  idempotency?: IIdempotencyStore<PublishAck>;
  /**
   * The server's clock, injected by tests so no expiry depends on real time: session expiry
   * (`RealtimeUser.expiresAt`, at connect and on every frame), the policy cache, the in-memory
   * idempotency store and, when given, the token buckets. Default `Date.now` (the buckets then
   * use the monotonic `performance.now`).
   */
  now?: () => number;
  /** Identifies this instance (presence connection ids, logs); default a random UUID. */
  instanceId?: string;
  /** Socket.IO path; defaults to `REALTIME_DEFAULT_PATH`. */
  path?: string;
  /**
   * The protocol version this server speaks (ADR-018); default `REALTIME_PROTOCOL_VERSION`. Gate 1 refuses a
   * handshake whose `auth.version` is missing or has another major with `VERSION_MISMATCH`, so an operator who
   * bumps the major forces every open tab to reload after an incompatible deploy.
   */
  protocolVersion?: string;
  /** Browser origins allowed (Origin header). Default: same-origin only (Origin host must equal Host header). Non-browser clients (no Origin header) are allowed. */
  allowedOrigins?: readonly string[];
  limits?: Partial<RealtimeLimits>;
  /** Socket.IO adapter factory, for multi-instance; default in-memory adapter. */
  adapter?: SocketIOAdapterFactory;
  /** Socket.IO connection state recovery: the in-memory adapter supports it on one instance, the Redis Streams adapter across instances. Gate 1 re-runs on every recovery. */
  connectionStateRecovery?: { maxDisconnectionDurationMs: number };
  /**
   * Webhooks (ADR-018 "Webhooks"): presence joins and leaves, and channel occupancy, told to `sink`
   * once per cluster. Occupancy is tracked with the presence mechanism on its own store (leases per
   * instance), so it must be shared (Redis) when presence is. Unset: no occupancy tracking at all.
   */
  webhooks?: { readonly sink: IRealtimeWebhookSink; readonly occupancy: IPresenceStore };
  /** Called once per inbound handler invocation, so the app can wrap handlers in its span+capture sandwich. Default: identity. */
  wrapHandler?: (channelTemplate: string, handler: RealtimeInboundHandler) => RealtimeInboundHandler;
}
