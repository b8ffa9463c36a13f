export { defineEvent } from "./event-descriptor";
export type { EventDescriptor, EventPayload } from "./event-descriptor";
export type { EventHandler, EventMeta, IEventBus, PublishedEvent, SubscribeOptions } from "./event-bus";
export { InMemoryEventBus } from "./in-memory-event-bus";
export { defineJob } from "./job-descriptor";
export type { IJobQueue, JobHandler } from "./job-queue";
export { InMemoryJobQueue } from "./in-memory-job-queue";
export { jobCompleted, jobEnqueued, jobFailed } from "./job-lifecycle-events";
