/**
 * What the realtime outbox relay reports (ADR-021). `template` is the
 * channel template, never a concrete channel, so label cardinality stays
 * bounded by the number of channel definitions.
 */
export interface OutboxMetrics {
  /** One record reached its channel; `latencySeconds` runs from commit-time `createdAt` to delivery. */
  delivered(template: string, latencySeconds: number): void;
  /** One delivery failed and was scheduled again (backoff). */
  retried(template: string): void;
  /** One record could never be delivered (its payload no longer matches) and was set aside. */
  deadLettered(template: string): void;
  /** The backlog as last measured: pending records and the age of the oldest. */
  backlog(pending: number, oldestAgeSeconds: number): void;
  /** Totals for dashboards (the admin live dashboard reads this every second). */
  snapshot(): OutboxMetricsSnapshot;
}

export interface OutboxMetricsSnapshot {
  pending: number;
  oldestAgeSeconds: number;
  deliveredTotal: number;
  retriesTotal: number;
  deadLetteredTotal: number;
}

/** A snapshot with every value at zero (fresh object each call). */
export function zeroOutboxSnapshot(): OutboxMetricsSnapshot {
  return { pending: 0, oldestAgeSeconds: 0, deliveredTotal: 0, retriesTotal: 0, deadLetteredTotal: 0 };
}

/** Records nothing; for tests and apps without an outbox. */
export const noopOutboxMetrics: OutboxMetrics = Object.freeze({
  delivered: () => undefined,
  retried: () => undefined,
  deadLettered: () => undefined,
  backlog: () => undefined,
  snapshot: zeroOutboxSnapshot,
});
