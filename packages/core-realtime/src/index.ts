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
export { InMemoryRealtimeBroadcaster, InMemoryRealtimeConnection } from "./in-memory-realtime-broadcaster";
export type {
  BroadcastOptions,
  BroadcastReceipt,
  ChannelResolution,
  HistoryReadResult,
  IChannelLog,
  IRealtimeAuthenticator,
  IRealtimeBroadcaster,
  IRealtimeHandlerRegistry,
  IRealtimeServer,
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
