import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { noopEventMetrics } from "./event-metrics";
import { createEventMetrics } from "./prometheus-event-metrics";
import { renderMetrics } from "./metrics-registry";

describe("createEventMetrics", () => {
  it("counts events, subscriber failures and job outcomes by name", async () => {
    const registry = new Registry();
    const metrics = createEventMetrics(registry);
    metrics.eventPublished("poll:created");
    metrics.eventPublished("poll:created");
    metrics.subscriberFailed("poll:created");
    metrics.jobEnqueued("email.send");
    metrics.jobFailed("email.send", true);
    metrics.jobFailed("email.send", false);
    metrics.jobCompleted("email.send", 0.2);

    const { body } = await renderMetrics(registry);
    for (const line of [
      'events_published_total{event="poll:created"} 2',
      'events_subscriber_failures_total{event="poll:created"} 1',
      'jobs_enqueued_total{job="email.send"} 1',
      'jobs_completed_total{job="email.send"} 1',
      'jobs_failed_total{job="email.send",retry="true"} 1',
      'jobs_failed_total{job="email.send",retry="false"} 1',
      'job_duration_seconds_count{job="email.send"} 1',
      'job_duration_seconds_bucket{le="0.5",job="email.send"} 1',
      'job_duration_seconds_bucket{le="0.1",job="email.send"} 0',
    ]) {
      expect(body.split("\n")).toContain(line);
    }
  });

  it("noopEventMetrics accepts every call", () => {
    expect(() => {
      noopEventMetrics.eventPublished("x");
      noopEventMetrics.jobCompleted("x", 1);
      noopEventMetrics.jobFailed("x", false);
    }).not.toThrow();
  });
});
