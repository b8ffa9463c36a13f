export { startChannelHarness } from "./channel-harness";
export type { ChannelHarness, ChannelHarnessOptions, HarnessClient } from "./channel-harness";
export { matchesPayload } from "./payload-matcher";
export type { PayloadMatcher } from "./payload-matcher";
export { inMemoryUnitOfWork } from "./in-memory-unit-of-work";
export { RecordingEventBus } from "./recording-event-bus";
export type { RecordedEvent } from "./recording-event-bus";
export { RecordingRealtimeBroadcaster } from "./recording-realtime-broadcaster";
export type { RecordedBroadcast } from "./recording-realtime-broadcaster";
