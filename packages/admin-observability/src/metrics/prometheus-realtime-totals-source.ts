import type { Registry } from "@repo/core-observability";
import type { TRejectionCount } from "../domain/metrics-sample";
import type { IRealtimeTotalsSource, RealtimeTotals } from "./realtime-totals";

/** The `realtime_*` series `createRealtimeMetrics` registers (ADR-014) that the dashboard reads. */
const REALTIME_METRIC_NAMES = {
  connectedSockets: "realtime_connected_sockets",
  subscriptions: "realtime_subscriptions",
  broadcast: "realtime_messages_broadcast_total",
  delivered: "realtime_messages_delivered_total",
  rejections: "realtime_auth_rejections_total",
  /** The outbox series `createOutboxMetrics` registers (ADR-021). */
  outboxPending: "realtime_outbox_pending",
  outboxOldestPendingAge: "realtime_outbox_oldest_pending_age_seconds",
  outboxDeliveries: "realtime_outbox_deliveries_total",
  outboxRetries: "realtime_outbox_retries_total",
} as const;

interface SeriesValue {
  readonly value: number;
  readonly labels: Readonly<Record<string, string | number | undefined>>;
}

/**
 * Reads realtime totals from a prom-client registry, one metric at a time
 * (`getSingleMetric`), so a sample never renders the whole registry. A
 * metric that is not registered (no realtime server in this process) reads
 * as zero.
 *
 * @example
 * const source = new PrometheusRealtimeTotalsSource(ctx.metricsRegistry);
 * const { connectedSockets } = await source.read();
 */
export class PrometheusRealtimeTotalsSource implements IRealtimeTotalsSource {
  readonly #registry: Registry;

  constructor(registry: Registry) {
    this.#registry = registry;
  }

  async read(): Promise<RealtimeTotals> {
    const [sockets, subscriptions, broadcast, delivered, rejections, outboxPending, outboxOldest, outboxDeliveries, outboxRetries] = await Promise.all([
      this.#values(REALTIME_METRIC_NAMES.connectedSockets),
      this.#values(REALTIME_METRIC_NAMES.subscriptions),
      this.#values(REALTIME_METRIC_NAMES.broadcast),
      this.#values(REALTIME_METRIC_NAMES.delivered),
      this.#values(REALTIME_METRIC_NAMES.rejections),
      this.#values(REALTIME_METRIC_NAMES.outboxPending),
      this.#values(REALTIME_METRIC_NAMES.outboxOldestPendingAge),
      this.#values(REALTIME_METRIC_NAMES.outboxDeliveries),
      this.#values(REALTIME_METRIC_NAMES.outboxRetries),
    ]);
    return {
      connectedSockets: sum(sockets),
      subscriptionsByTemplate: byLabel(subscriptions, "template"),
      broadcastByTemplate: byLabel(broadcast, "template"),
      deliveredByTemplate: byLabel(delivered, "template"),
      deliveredBySourceAndTemplate: bySourceAndTemplate(delivered),
      rejections: rejections
        .map((v): TRejectionCount => ({ gate: String(v.labels.gate ?? "unknown"), code: String(v.labels.code ?? "unknown"), count: v.value }))
        .filter((r) => r.count > 0)
        .sort((a, b) => b.count - a.count || a.gate.localeCompare(b.gate) || a.code.localeCompare(b.code)),
      outbox: {
        pending: Math.max(0, sum(outboxPending)),
        oldestPendingAgeSeconds: Math.max(0, sum(outboxOldest)),
        deliveriesTotal: sum(outboxDeliveries),
        retriesTotal: sum(outboxRetries),
      },
    };
  }

  async #values(name: string): Promise<readonly SeriesValue[]> {
    const metric = this.#registry.getSingleMetric(name);
    if (metric === undefined) return [];
    const { values } = await metric.get();
    return values;
  }
}

function sum(values: readonly SeriesValue[]): number {
  return values.reduce((total, v) => total + v.value, 0);
}

function byLabel(values: readonly SeriesValue[], label: string): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const v of values) {
    const key = v.labels[label];
    if (key === undefined) continue;
    totals[String(key)] = (totals[String(key)] ?? 0) + v.value;
  }
  return totals;
}

function bySourceAndTemplate(values: readonly SeriesValue[]): Record<string, Record<string, number>> {
  const totals: Record<string, Record<string, number>> = {};
  for (const v of values) {
    const source = String(v.labels.source ?? "unknown");
    const template = String(v.labels.template ?? "unknown");
    const bySource = (totals[source] ??= {});
    bySource[template] = (bySource[template] ?? 0) + v.value;
  }
  return totals;
}
