export { authorize } from "./authorize";
export type { AuthorizationResult } from "./authorize";
export {
  CHANNEL_PARAM_VALUE,
  ChannelTemplateError,
  formatChannelName,
  isValidChannelParamValue,
  matchChannelTemplate,
  parseChannelTemplate,
} from "./channel-template";
export type { ChannelParams, ChannelTemplate, TemplateParamNames, TemplateSegment } from "./channel-template";
export { defineRealtimeChannel } from "./define-realtime-channel";
export type {
  AnyRealtimeChannel,
  ChannelHistoryOptions,
  ChannelInbound,
  ChannelInboundParsed,
  ChannelPayload,
  DefineRealtimeChannelOptions,
  RealtimeChannelDescriptor,
} from "./define-realtime-channel";
export { REALTIME_ERROR_CODES, RealtimeError, toRealtimeErrorBody } from "./errors";
export type { RealtimeErrorBody, RealtimeErrorCode } from "./errors";
export { RealtimeHandlerRegistry, RealtimeRegistryError } from "./handler-registry";
export { InMemoryChannelLog } from "./in-memory-channel-log";
export { DEFAULT_PRESENCE_TTL_MS, InMemoryPresenceStore } from "./in-memory-presence-store";
export type { PresenceStoreOptions } from "./in-memory-presence-store";
export { InMemoryRateLimitStore } from "./in-memory-rate-limit-store";
export { RedisChannelLog } from "./redis-channel-log";
export type { RedisChannelLogOptions } from "./redis-channel-log";
export { RedisUnavailableError } from "./redis-bounded-call";
export { RedisPresenceStore } from "./redis-presence-store";
export type { RedisPresenceStoreOptions } from "./redis-presence-store";
export { RedisRateLimitStore } from "./redis-rate-limit-store";
export type { RedisRateLimitStoreOptions } from "./redis-rate-limit-store";
export { createRedisStreamsAdapter } from "./socket-io-redis-streams-adapter";
export type { RedisStreamsAdapterOptions } from "./socket-io-redis-streams-adapter";
export { InMemoryRealtimeBroadcaster, InMemoryRealtimeConnection } from "./in-memory-realtime-broadcaster";
export type {
  BroadcastOptions,
  BroadcastReceipt,
  ChannelResolution,
  ExpiredPresence,
  HistoryReadResult,
  IChannelLog,
  IPresenceStore,
  IRateLimitStore,
  IRealtimeAuthenticator,
  IRealtimeBroadcaster,
  IRealtimeHandlerRegistry,
  IRealtimeServer,
  PresenceConnection,
  RealtimeCredentials,
  RealtimeHandlerContext,
  RealtimeInboundHandler,
  RegisteredInbound,
} from "./interfaces";
export { DEFAULT_REALTIME_LIMITS, REALTIME_LIMIT_ENV, parseRealtimeLimitsEnv, resolveRealtimeLimits } from "./realtime-limits";
export type { RateLimit, RealtimeLimits } from "./realtime-limits";
export { SocketIORealtimeBroadcaster } from "./socket-io-realtime-broadcaster";
export { SocketIORealtimeServer } from "./socket-io-realtime-server";
export type { SocketIORealtimeServerOptions } from "./socket-io-realtime-server-options";
export type { SocketIOAdapterFactory } from "./socket-io-server-types";
export { RealtimeBroadcasterBase } from "./realtime-broadcaster-base";
export type { RealtimeBroadcasterOptions } from "./realtime-broadcaster-base";
export { bindRealtimeBridge, bridgeEntry } from "./realtime-bridge";
export type { RealtimeBridgeEntry, RealtimeBridgeMapping } from "./realtime-bridge";
export type { RealtimeUser } from "./realtime-user";
export { describeScope } from "./scope";
export type { RealtimeScope, ScopeFor } from "./scope";
export {
  REALTIME_DEFAULT_PATH,
  REALTIME_EVENTS,
  REALTIME_PROTOCOL_VERSION,
  channelRoom,
  isCompatibleProtocolVersion,
} from "./wire-protocol";
export type {
  Ack,
  ClientToServerEvents,
  ErrorAck,
  ForcedUnsubscribe,
  PresenceAck,
  PresenceMember,
  PresenceUpdate,
  PublishAck,
  RealtimeConnectionHealth,
  RealtimeMessage,
  RealtimeStatusEvent,
  ServerToClientEvents,
  SubscribeAck,
  UnsubscribeAck,
} from "./wire-protocol";
