/**
 * `@repo/core-realtime/server`: everything that runs only on a server: the contracts features
 * depend on (`IRealtimeBroadcaster`, `IRealtimeServer`, ...), the handler registry, the
 * broadcasters and the bus bridge, the Socket.IO server and its gates, the channel log,
 * presence and rate-limit stores (in memory and Redis), and the limits' env parsing.
 */
export { bindRealtimeBridge, bridgeEntry } from "./broadcast/realtime-bridge";
export type { RealtimeBridgeEntry, RealtimeBridgeMapping } from "./broadcast/realtime-bridge";
export type { BroadcastOptions, BroadcastReceipt, IRealtimeBroadcaster } from "./broadcast/realtime-broadcaster";
export { BroadcastSourceAllowlist, BroadcastSourcesSealedError } from "./broadcast/broadcast-source";
export type { BroadcastSource } from "./broadcast/broadcast-source";
export { withBroadcastSource } from "./broadcast/with-broadcast-source";
export { validateBroadcast } from "./broadcast/validate-broadcast";
export { InMemoryRealtimeBroadcaster } from "./broadcast/in-memory-realtime-broadcaster";
export { RealtimeHandlerRegistry, RealtimeRegistryError } from "./handlers/handler-registry";
export type { IRealtimeHandlerRegistry, RealtimeHandlerContext, RealtimeInboundHandler } from "./handlers/realtime-handler-registry";
export { RedisChannelLog } from "./history/redis-channel-log";
export { InMemoryPresenceStore } from "./presence/in-memory-presence-store";
export { RedisPresenceStore } from "./presence/redis-presence-store";
export { RedisRateLimitStore } from "./rate-limits/redis-rate-limit-store";
export { RedisIdempotencyStore } from "./server/redis-idempotency-store";
export { publishAckCodec } from "./server/publish-ack-codec";
export { parseRealtimeLimitsEnv } from "./rate-limits/realtime-limits";
export type { RealtimeLimits } from "./rate-limits/realtime-limits";
export type { IRealtimeAuthenticator, RealtimeCredentials } from "./server/realtime-authenticator";
export type { IRealtimeServer } from "./server/realtime-server";
export { createRedisStreamsAdapter } from "./server/socket-io-redis-streams-adapter";
export { SocketIORealtimeServer } from "./socket-io-realtime-server";
export { RealtimeServerApi } from "./server/realtime-server-api";
export { WebhookSender } from "./webhooks/webhook-sender";
export { WEBHOOK_SIGNATURE_HEADER, verifyWebhookSignature } from "./webhooks/webhook-signature";
export type { RealtimeWebhookBody, RealtimeWebhookEvent } from "./webhooks/webhook-events";
export type { SocketIORealtimeServerOptions } from "./server/socket-io-realtime-server-options";
export { createRealtimeTransactionRunner } from "./outbox/realtime-transaction-runner";
export { createDirectTransactionRunner } from "./outbox/direct-transaction-runner";
export { DeferredRealtimeBroadcaster } from "./outbox/deferred-realtime-broadcaster";
export { unitOfWork } from "./outbox/unit-of-work";
export type { UnitOfWork } from "./outbox/unit-of-work";
export type { CommittedOutboxRecords, IRealtimeTransactionRunner } from "./outbox/realtime-transaction-runner";
export { OUTBOX_RELAY_SOURCE, OutboxRelay } from "./outbox/outbox-relay";
export { PostgresOutboxStore } from "./outbox/postgres-outbox-store";
export type { IOutboxWakeSource } from "./outbox/outbox-wake-source";
export { PgOutboxWakeSource } from "./outbox/pg-outbox-wake-source";
export { PGliteOutboxWakeSource } from "./outbox/pglite-outbox-wake-source";
export { realtimeOutboxMigrations } from "./outbox/outbox-migrations";
