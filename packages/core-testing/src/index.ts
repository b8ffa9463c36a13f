export { startChannelHarness } from "./channel-harness";
export type { ChannelHarness, HarnessClient } from "./channel-harness";
export { inMemoryUnitOfWork } from "./in-memory-unit-of-work";
export { RecordingEventBus } from "./recording-event-bus";
export { RecordingRealtimeBroadcaster } from "./recording-realtime-broadcaster";
