/**
 * `@repo/core-realtime/server`: everything that runs only on a server: the contracts features
 * depend on (`IRealtimeBroadcaster`, `IRealtimeServer`, ...), the handler registry, the
 * broadcasters and the bus bridge, the Socket.IO server and its gates, the channel log,
 * presence and rate-limit stores (in memory and Redis), and the limits' env parsing.
 */
export { bindRealtimeBridge, bridgeEntry } from "./broadcast/realtime-bridge";
export type { RealtimeBridgeEntry, RealtimeBridgeMapping } from "./broadcast/realtime-bridge";
export type { BroadcastOptions, BroadcastReceipt, IRealtimeBroadcaster } from "./broadcast/realtime-broadcaster";
export { RealtimeBroadcasterBase } from "./broadcast/realtime-broadcaster-base";
export { validateBroadcast } from "./broadcast/validate-broadcast";
export type { RealtimeBroadcasterOptions } from "./broadcast/realtime-broadcaster-base";
export { InMemoryRealtimeBroadcaster, InMemoryRealtimeConnection } from "./broadcast/in-memory-realtime-broadcaster";
export { SocketIORealtimeBroadcaster } from "./broadcast/socket-io-realtime-broadcaster";
export { RealtimeHandlerRegistry, RealtimeRegistryError } from "./handlers/handler-registry";
export type {
  ChannelResolution,
  IRealtimeHandlerRegistry,
  RealtimeHandlerContext,
  RealtimeInboundHandler,
  RegisteredInbound,
} from "./handlers/realtime-handler-registry";
export type { HistoryReadResult, IChannelLog } from "./history/channel-log";
export { InMemoryChannelLog } from "./history/in-memory-channel-log";
export { RedisChannelLog } from "./history/redis-channel-log";
export type { RedisChannelLogOptions } from "./history/redis-channel-log";
export type { ExpiredPresence, IPresenceStore, PresenceConnection } from "./presence/presence-store";
export { DEFAULT_PRESENCE_TTL_MS, InMemoryPresenceStore } from "./presence/in-memory-presence-store";
export type { PresenceStoreOptions } from "./presence/in-memory-presence-store";
export { RedisPresenceStore } from "./presence/redis-presence-store";
export type { RedisPresenceStoreOptions } from "./presence/redis-presence-store";
export type { IRateLimitStore } from "./rate-limits/rate-limit-store";
export { InMemoryRateLimitStore } from "./rate-limits/in-memory-rate-limit-store";
export { RedisRateLimitStore } from "./rate-limits/redis-rate-limit-store";
export type { RedisRateLimitStoreOptions } from "./rate-limits/redis-rate-limit-store";
export type { IdempotencyRunOptions, IdempotentRun, IIdempotencyStore } from "./server/idempotency-store";
export { InMemoryIdempotencyStore } from "./server/in-memory-idempotency-store";
export type { InMemoryIdempotencyStoreOptions } from "./server/in-memory-idempotency-store";
export { RedisIdempotencyStore } from "./server/redis-idempotency-store";
export type { RedisIdempotencyStoreOptions } from "./server/redis-idempotency-store";
export { publishAckCodec } from "./server/publish-ack-codec";
export { DEFAULT_REALTIME_LIMITS, REALTIME_LIMIT_ENV, parseRealtimeLimitsEnv, resolveRealtimeLimits } from "./rate-limits/realtime-limits";
export type { RateLimit, RealtimeLimits } from "./rate-limits/realtime-limits";
export { RedisUnavailableError } from "./redis/redis-bounded-call";
export type { IRealtimeAuthenticator, RealtimeCredentials } from "./server/realtime-authenticator";
export type { IRealtimeServer } from "./server/realtime-server";
export { createRedisStreamsAdapter } from "./server/socket-io-redis-streams-adapter";
export type { RedisStreamsAdapterOptions } from "./server/socket-io-redis-streams-adapter";
export { SocketIORealtimeServer } from "./socket-io-realtime-server";
export { RealtimeServerApi } from "./server/realtime-server-api";
export { WebhookSender } from "./webhooks/webhook-sender";
export type { WebhookPost, WebhookSenderOptions } from "./webhooks/webhook-sender";
export { DEFAULT_WEBHOOK_TOLERANCE_SECONDS, WEBHOOK_SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from "./webhooks/webhook-signature";
export type { WebhookVerification } from "./webhooks/webhook-signature";
export { REALTIME_WEBHOOK_EVENT_NAMES } from "./webhooks/webhook-events";
export type { IRealtimeWebhookSink, RealtimeWebhookBody, RealtimeWebhookEvent, RealtimeWebhookEventName } from "./webhooks/webhook-events";
export type {
  ChannelOccupancy,
  ServerApiChannelsAck,
  ServerApiHistoryAck,
  ServerApiPresenceAck,
  ServerApiPublishAck,
  ServerApiPublishRequest,
} from "./server/realtime-server-api";
export type { SocketIORealtimeServerOptions } from "./server/socket-io-realtime-server-options";
export type { SocketIOAdapterFactory } from "./socket-io-server-types";
export { OutboxRealtimeBroadcaster } from "./outbox/outbox-realtime-broadcaster";
export type { OutboxRealtimeBroadcasterOptions } from "./outbox/outbox-realtime-broadcaster";
export { createRealtimeTransactionRunner } from "./outbox/realtime-transaction-runner";
export { createDirectTransactionRunner } from "./outbox/direct-transaction-runner";
export { DeferredRealtimeBroadcaster } from "./outbox/deferred-realtime-broadcaster";
export { unitOfWork } from "./outbox/unit-of-work";
export type { UnitOfWork, UnitOfWorkScope } from "./outbox/unit-of-work";
export type {
  CommittedOutboxRecords,
  IRealtimeTransactionRunner,
  RealtimeTransactionHooks,
  RealtimeTransactionRunnerOptions,
  RealtimeTransactionScope,
} from "./outbox/realtime-transaction-runner";
export { OutboxRelay } from "./outbox/outbox-relay";
export type { OutboxPassSummary, OutboxRelayClock, OutboxRelayOptions } from "./outbox/outbox-relay";
export type { IOutboxStore, OutboxChannelDrain, OutboxDeliveryOutcome, OutboxStats } from "./outbox/outbox-store";
export { PostgresOutboxStore } from "./outbox/postgres-outbox-store";
export type { IOutboxWakeSource } from "./outbox/outbox-wake-source";
export { PgOutboxWakeSource } from "./outbox/pg-outbox-wake-source";
export type { PgOutboxWakeSourceOptions } from "./outbox/pg-outbox-wake-source";
export { PGliteOutboxWakeSource } from "./outbox/pglite-outbox-wake-source";
export type { PGliteListener } from "./outbox/pglite-outbox-wake-source";
export { DEFAULT_OUTBOX_BACKOFF, retryDelayMs } from "./outbox/outbox-backoff";
export type { OutboxBackoff } from "./outbox/outbox-backoff";
export { OUTBOX_NOTIFY_CHANNEL, OUTBOX_TABLE } from "./outbox/outbox-record";
export type { OutboxRecord } from "./outbox/outbox-record";
export { createRealtimeOutbox, realtimeOutboxMigrations } from "./outbox/outbox-migrations";
export type { ChannelLogAppendOptions } from "./history/channel-log";
