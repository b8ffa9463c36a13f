/** What the event bus and job queue report; `name` is an event or job descriptor name. */
export interface EventMetrics {
  eventPublished(name: string): void;
  subscriberFailed(name: string): void;
  jobEnqueued(name: string): void;
  jobCompleted(name: string, seconds: number): void;
  jobFailed(name: string, willRetry: boolean): void;
}

/** Event metrics that record nothing; the default when a bus or queue gets none. */
export const noopEventMetrics: EventMetrics = Object.freeze({
  eventPublished: () => undefined,
  subscriberFailed: () => undefined,
  jobEnqueued: () => undefined,
  jobCompleted: () => undefined,
  jobFailed: () => undefined,
});
