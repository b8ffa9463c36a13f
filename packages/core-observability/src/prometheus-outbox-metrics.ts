import { Counter, Gauge, Histogram } from "prom-client";
import type { Registry } from "prom-client";
import { zeroOutboxSnapshot } from "./outbox-metrics";
import type { OutboxMetrics } from "./outbox-metrics";

/** Commit-to-delivery through the outbox: a few ms when healthy, seconds to minutes while retrying. */
const OUTBOX_LATENCY_SECONDS_BUCKETS: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60];

/**
 * Outbox metrics registered on `registry` (`realtime_outbox_*` series), with
 * plain number mirrors for `snapshot()`. Call once per registry.
 *
 * @example
 * const metrics = createOutboxMetrics(registry);
 * metrics.delivered("polls.{pollId}", 0.004);
 */
export function createOutboxMetrics(registry: Registry): OutboxMetrics {
  const registers = [registry];
  const pending = new Gauge({ name: "realtime_outbox_pending", help: "Outbox records committed and not yet delivered (outbox depth).", registers });
  const oldestAge = new Gauge({
    name: "realtime_outbox_oldest_pending_age_seconds",
    help: "Age of the oldest undelivered outbox record (0 when none waits).",
    registers,
  });
  const delivered = new Counter({
    name: "realtime_outbox_deliveries_total",
    help: "Outbox records delivered, by channel template.",
    labelNames: ["template"],
    registers,
  });
  const retries = new Counter({
    name: "realtime_outbox_retries_total",
    help: "Outbox deliveries that failed and were scheduled again, by channel template.",
    labelNames: ["template"],
    registers,
  });
  const dead = new Counter({
    name: "realtime_outbox_dead_letters_total",
    help: "Outbox records set aside as undeliverable, by channel template.",
    labelNames: ["template"],
    registers,
  });
  const latency = new Histogram({
    name: "realtime_outbox_delivery_latency_seconds",
    help: "From commit (record createdAt) to delivery.",
    buckets: [...OUTBOX_LATENCY_SECONDS_BUCKETS],
    registers,
  });
  const totals = zeroOutboxSnapshot();
  return {
    delivered(template, latencySeconds) {
      delivered.inc({ template });
      latency.observe(latencySeconds);
      totals.deliveredTotal++;
    },
    retried(template) {
      retries.inc({ template });
      totals.retriesTotal++;
    },
    deadLettered(template) {
      dead.inc({ template });
      totals.deadLetteredTotal++;
    },
    backlog(count, oldestAgeSeconds) {
      pending.set(count);
      oldestAge.set(oldestAgeSeconds);
      totals.pending = count;
      totals.oldestAgeSeconds = oldestAgeSeconds;
    },
    snapshot: () => ({ ...totals }),
  };
}
