/**
 * `@repo/core-realtime`: browser-safe definitions shared by server and client: channel
 * descriptors and templates, scopes, `authorize`, errors and the wire protocol's types.
 * Server code lives behind `@repo/core-realtime/server`; eslint.config.ts keeps it out of here.
 */
export { authorize } from "./channels/authorize";
export { CHANNEL_PARAM_VALUE, formatChannelName } from "./channels/channel-template";
export type { ChannelParams } from "./channels/channel-template";
export { defineRealtimeChannel } from "./channels/define-realtime-channel";
export type { ChannelCoalesceOptions } from "./channels/channel-coalesce";
export { withChannelPolicy } from "./channels/channel-policy";
export type { ChannelPolicy, ChannelPolicyAccess } from "./channels/channel-policy";
export type { AnyRealtimeChannel, ChannelInbound, ChannelPayload } from "./channels/define-realtime-channel";
export type { RealtimeUser } from "./channels/realtime-user";
export { describeScope } from "./channels/scope";
export { RealtimeError } from "./protocol/errors";
export type { RealtimeErrorBody } from "./protocol/errors";
export { REALTIME_DEFAULT_PATH, REALTIME_EVENTS, REALTIME_PROTOCOL_VERSION, isProtocolVersion } from "./protocol/wire-protocol";
export type {
  ClientToServerEvents,
  ForcedUnsubscribe,
  PresenceUpdate,
  PublishAck,
  RealtimeMessage,
  RealtimeStatusEvent,
  ServerToClientEvents,
  SubscribeAck,
} from "./protocol/wire-protocol";
