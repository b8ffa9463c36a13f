import type { Server as HttpServer } from "node:http";
import type { RedisClient } from "@repo/core-di";
import type { Logger, RealtimeMetrics } from "@repo/core-observability";
import { REALTIME_DEFAULT_PATH } from "@repo/core-realtime";
import {
  InMemoryPresenceStore,
  RedisChannelLog,
  RedisIdempotencyStore,
  RedisPresenceStore,
  RedisRateLimitStore,
  SocketIORealtimeServer,
  WebhookSender,
  createRedisStreamsAdapter,
  publishAckCodec,
} from "@repo/core-realtime/server";
import type { IRealtimeAuthenticator, IRealtimeHandlerRegistry, SocketIORealtimeServerOptions } from "@repo/core-realtime/server";
import type { PublishAck } from "@repo/core-realtime";
import type { AppEnv } from "../env";

export interface CreateRealtimeServerOptions {
  readonly httpServer: HttpServer;
  readonly registry: IRealtimeHandlerRegistry;
  readonly authenticator: IRealtimeAuthenticator;
  readonly logger: Logger;
  readonly metrics: RealtimeMetrics;
  /** Browser origins besides the page's own (CORS_ORIGINS); same-origin only when empty. */
  readonly allowedOrigins: readonly string[];
  /** The shared connection when REDIS_URL is set; `null` runs one in-memory instance. */
  readonly redis: RedisClient | null;
  readonly env: Pick<
    AppEnv,
    | "REDIS_KEY_PREFIX"
    | "REALTIME_RECOVERY_WINDOW_MS"
    | "REALTIME_PRESENCE_TTL_MS"
    | "REALTIME_PRESENCE_HEARTBEAT_MS"
    | "REALTIME_LIMITS"
    | "REALTIME_WEBHOOK_URL"
    | "REALTIME_WEBHOOK_SECRET"
    | "REALTIME_PROTOCOL_VERSION"
  >;
}

/**
 * Webhooks when REALTIME_WEBHOOK_URL is set: occupancy leases live beside presence (Redis when
 * shared), so each event is sent by exactly one instance.
 */
function webhooksOf(options: CreateRealtimeServerOptions): Partial<SocketIORealtimeServerOptions> {
  const { REALTIME_WEBHOOK_URL: url, REALTIME_WEBHOOK_SECRET: secret, REALTIME_PRESENCE_TTL_MS: ttlMs, REDIS_KEY_PREFIX } = options.env;
  if (url === undefined || secret === undefined) return {};
  const logger = options.logger;
  const occupancy =
    options.redis === null
      ? new InMemoryPresenceStore({ ttlMs })
      : new RedisPresenceStore(options.redis, { keyPrefix: `${REDIS_KEY_PREFIX}realtime:occupancy:`, logger, ttlMs });
  return { webhooks: { sink: new WebhookSender({ url, secret, logger }), occupancy } };
}

/** What only a multi-instance setup adds: everything instances must share lives in Redis (ADR-019). */
function sharedState(redis: RedisClient, options: CreateRealtimeServerOptions): Partial<SocketIORealtimeServerOptions> {
  const keyPrefix = `${options.env.REDIS_KEY_PREFIX}realtime:`;
  const logger = options.logger;
  return {
    adapter: createRedisStreamsAdapter(redis, { keyPrefix, logger }),
    channelLog: new RedisChannelLog(redis, { keyPrefix, logger }),
    presence: new RedisPresenceStore(redis, { keyPrefix, logger, ttlMs: options.env.REALTIME_PRESENCE_TTL_MS }),
    rateLimits: new RedisRateLimitStore(redis, { keyPrefix, logger }),
    // A client's retry after a failover lands on another instance: it must find the first run's outcome.
    idempotency: new RedisIdempotencyStore<PublishAck>(redis, { keyPrefix, logger, ...publishAckCodec }),
  };
}

/**
 * The one place the app constructs its realtime transport (Socket.IO on the
 * shared http server, path `/socket.io`). With Redis, every instance joins
 * one fan-out (the Redis Streams adapter) and shares sequence numbers,
 * history, presence, rate limits and publish de-duplication; without it, one
 * in-memory instance.
 * Connection-state recovery is on in both (the in-memory adapter supports it
 * on one instance, the streams adapter across instances).
 *
 * @example
 * const realtimeServer = createRealtimeServer({ httpServer, registry, authenticator, logger, metrics, allowedOrigins: [], redis, env });
 */
export function createRealtimeServer(options: CreateRealtimeServerOptions): SocketIORealtimeServer {
  return new SocketIORealtimeServer({
    httpServer: options.httpServer,
    registry: options.registry,
    authenticator: options.authenticator,
    logger: options.logger,
    metrics: options.metrics,
    path: REALTIME_DEFAULT_PATH,
    allowedOrigins: options.allowedOrigins,
    protocolVersion: options.env.REALTIME_PROTOCOL_VERSION,
    connectionStateRecovery: { maxDisconnectionDurationMs: options.env.REALTIME_RECOVERY_WINDOW_MS },
    presenceHeartbeatMs: options.env.REALTIME_PRESENCE_HEARTBEAT_MS,
    limits: options.env.REALTIME_LIMITS,
    ...(options.redis === null ? {} : sharedState(options.redis, options)),
    ...webhooksOf(options),
  });
}
