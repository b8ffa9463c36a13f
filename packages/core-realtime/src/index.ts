/**
 * `@repo/core-realtime`: browser-safe definitions shared by server and client: channel
 * descriptors and templates, scopes, `authorize`, errors and the wire protocol's types.
 * Server code lives behind `@repo/core-realtime/server`; eslint.config.ts keeps it out of here.
 */
export { authorize } from "./channels/authorize";
export type { AuthorizationResult } from "./channels/authorize";
export {
  CHANNEL_PARAM_VALUE,
  ChannelTemplateError,
  formatChannelName,
  isValidChannelParamValue,
  matchChannelTemplate,
  parseChannelTemplate,
} from "./channels/channel-template";
export type { ChannelParams, ChannelTemplate, TemplateParamNames, TemplateSegment } from "./channels/channel-template";
export { defineRealtimeChannel } from "./channels/define-realtime-channel";
export { CHANNEL_COALESCE_BOUNDS, ChannelCoalesceError } from "./channels/channel-coalesce";
export type { ChannelCoalesceOptions } from "./channels/channel-coalesce";
export { withChannelPolicy } from "./channels/channel-policy";
export type { AnyChannelPolicy, ChannelPolicy, ChannelPolicyAccess, ChannelPolicyContext } from "./channels/channel-policy";
export type {
  AnyRealtimeChannel,
  ChannelHistoryOptions,
  ChannelInbound,
  ChannelInboundParsed,
  ChannelPayload,
  DefineRealtimeChannelOptions,
  RealtimeChannelDescriptor,
} from "./channels/define-realtime-channel";
export type { RealtimeUser } from "./channels/realtime-user";
export { describeScope } from "./channels/scope";
export type { RealtimeScope, ScopeFor } from "./channels/scope";
export { REALTIME_ERROR_CODES, RealtimeError, toRealtimeErrorBody } from "./protocol/errors";
export type { RealtimeErrorBody, RealtimeErrorCode } from "./protocol/errors";
export {
  REALTIME_DEFAULT_PATH,
  REALTIME_EVENTS,
  REALTIME_PROTOCOL_VERSION,
  isProtocolVersion,
  channelRoom,
  isCompatibleProtocolVersion,
  packMessageBatch,
  unpackMessageBatch,
} from "./protocol/wire-protocol";
export type {
  Ack,
  ClientToServerEvents,
  ErrorAck,
  ForcedUnsubscribe,
  PresenceAck,
  PresenceMember,
  PresenceProfile,
  PresenceUpdate,
  PublishAck,
  RealtimeConnectionHealth,
  RealtimeBatchedMessage,
  RealtimeMessage,
  RealtimeMessageBatch,
  RealtimeStatusEvent,
  ServerToClientEvents,
  SubscribeAck,
  UnsubscribeAck,
} from "./protocol/wire-protocol";
