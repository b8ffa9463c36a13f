/**
 * `@repo/core-realtime/client`: everything a browser or Node client needs,
 * and nothing that pulls server code into a bundle (lint-enforced in eslint.config.ts).
 */
export { createRealtimeClient } from "./client/create-realtime-client";
export { RealtimeClient } from "./client/realtime-client";
export { memoryPositionStore } from "./client/position-store";
export { RealtimeError } from "./protocol/errors";
export { REALTIME_PROTOCOL_VERSION } from "./protocol/wire-protocol";
