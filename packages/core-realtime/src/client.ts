/**
 * `@repo/core-realtime/client`: everything a browser or Node client needs,
 * and nothing that pulls server code into a bundle (lint-enforced in eslint.config.ts).
 */
export { createRealtimeClient } from "./client/create-realtime-client";
export type { CreateRealtimeClientOptions } from "./client/create-realtime-client";
export { RealtimeClient } from "./client/realtime-client";
export type { RealtimeConnectionDiagnostics, RealtimeConnectionStatus, SubscribeOptions } from "./client/realtime-client";
export { memoryPositionStore, storagePositionStore } from "./client/position-store";
export type { PositionStore } from "./client/position-store";
export type { SequencePosition } from "./client/channel-sequence-tracker";
export { PresenceRoster } from "./client/presence-roster";
export type { PresenceRosterMember } from "./client/presence-roster";
export { RealtimeError } from "./protocol/errors";
export type { RealtimeErrorBody } from "./protocol/errors";
export { REALTIME_PROTOCOL_VERSION } from "./protocol/wire-protocol";
export type { PresenceMember, PresenceProfile, PresenceUpdate, RealtimeMessage, RealtimeMessageBatch } from "./protocol/wire-protocol";
