import { Counter, Histogram } from "prom-client";
import type { Registry } from "prom-client";
import type { EventMetrics } from "./event-metrics";

/** Jobs range from a cache refresh to a bulk email: 5 ms to a minute. */
const JOB_DURATION_SECONDS_BUCKETS: readonly number[] = [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60];

/**
 * Event and job metrics registered on `registry`: `events_published_total{event}`,
 * `events_subscriber_failures_total{event}`, `jobs_enqueued_total{job}`,
 * `jobs_completed_total{job}`, `jobs_failed_total{job,retry}`, `job_duration_seconds{job}`.
 * Call once per registry.
 *
 * @example
 * const bus = new InMemoryEventBus({ logger, metrics: createEventMetrics(registry) });
 */
export function createEventMetrics(registry: Registry): EventMetrics {
  const registers = [registry];
  const published = new Counter({
    name: "events_published_total",
    help: "Events published, by event name.",
    labelNames: ["event"],
    registers,
  });
  const subscriberFailures = new Counter({
    name: "events_subscriber_failures_total",
    help: "Subscribers that threw or rejected, by event name.",
    labelNames: ["event"],
    registers,
  });
  const enqueued = new Counter({
    name: "jobs_enqueued_total",
    help: "Jobs enqueued, by job name.",
    labelNames: ["job"],
    registers,
  });
  const completed = new Counter({
    name: "jobs_completed_total",
    help: "Jobs that succeeded, by job name.",
    labelNames: ["job"],
    registers,
  });
  const failed = new Counter({
    name: "jobs_failed_total",
    help: "Failed job attempts, by job name and whether another attempt follows.",
    labelNames: ["job", "retry"],
    registers,
  });
  const duration = new Histogram({
    name: "job_duration_seconds",
    help: "Duration of successful job attempts, by job name.",
    labelNames: ["job"],
    buckets: [...JOB_DURATION_SECONDS_BUCKETS],
    registers,
  });

  return {
    eventPublished: (name) => published.inc({ event: name }),
    subscriberFailed: (name) => subscriberFailures.inc({ event: name }),
    jobEnqueued: (name) => enqueued.inc({ job: name }),
    jobCompleted(name, seconds) {
      completed.inc({ job: name });
      duration.observe({ job: name }, seconds);
    },
    jobFailed: (name, willRetry) => failed.inc({ job: name, retry: String(willRetry) }),
  };
}

