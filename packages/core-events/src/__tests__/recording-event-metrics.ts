import type { EventMetrics } from "@repo/core-observability";

export type EventMetricsCall =
  | ["eventPublished", string]
  | ["subscriberFailed", string]
  | ["jobEnqueued", string]
  | ["jobCompleted", string]
  | ["jobFailed", string, boolean];

/** EventMetrics that remembers every call (job durations are left out: they vary run to run). */
export class RecordingEventMetrics implements EventMetrics {
  readonly calls: EventMetricsCall[] = [];
  eventPublished(name: string): void {
    this.calls.push(["eventPublished", name]);
  }
  subscriberFailed(name: string): void {
    this.calls.push(["subscriberFailed", name]);
  }
  jobEnqueued(name: string): void {
    this.calls.push(["jobEnqueued", name]);
  }
  jobCompleted(name: string): void {
    this.calls.push(["jobCompleted", name]);
  }
  jobFailed(name: string, willRetry: boolean): void {
    this.calls.push(["jobFailed", name, willRetry]);
  }
}
