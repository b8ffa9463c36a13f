import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { renderMetrics } from "./metrics-registry";
import { noopOutboxMetrics } from "./outbox-metrics";
import { createOutboxMetrics } from "./prometheus-outbox-metrics";

/** The value of one sample line (`name{labels} value`) in Prometheus text. */
function sample(body: string, series: string): number | undefined {
  const line = body.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("createOutboxMetrics", () => {
  it("exposes depth, oldest age, deliveries, retries and dead letters on /metrics and in snapshot()", async () => {
    const registry = new Registry();
    const metrics = createOutboxMetrics(registry);
    metrics.delivered("polls.{pollId}", 0.004);
    metrics.delivered("polls.{pollId}", 0.02);
    metrics.retried("notifications.{userId}");
    metrics.deadLettered("polls.{pollId}");
    metrics.backlog(7, 12.5);

    const body = (await renderMetrics(registry)).body;
    expect(sample(body, "realtime_outbox_pending")).toBe(7);
    expect(sample(body, "realtime_outbox_oldest_pending_age_seconds")).toBe(12.5);
    expect(sample(body, 'realtime_outbox_deliveries_total{template="polls.{pollId}"}')).toBe(2);
    expect(sample(body, 'realtime_outbox_retries_total{template="notifications.{userId}"}')).toBe(1);
    expect(sample(body, 'realtime_outbox_dead_letters_total{template="polls.{pollId}"}')).toBe(1);
    expect(sample(body, "realtime_outbox_delivery_latency_seconds_count")).toBe(2);
    expect(metrics.snapshot()).toEqual({ pending: 7, oldestAgeSeconds: 12.5, deliveredTotal: 2, retriesTotal: 1, deadLetteredTotal: 1 });
  });

  it("the no-op metrics report zeros", () => {
    noopOutboxMetrics.delivered("x", 1);
    expect(noopOutboxMetrics.snapshot()).toEqual({ pending: 0, oldestAgeSeconds: 0, deliveredTotal: 0, retriesTotal: 0, deadLetteredTotal: 0 });
  });
});
