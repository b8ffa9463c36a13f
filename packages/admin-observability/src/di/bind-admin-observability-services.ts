import { randomUUID } from "node:crypto";
import { instrumentUseCase, realtimeFor } from "@repo/core-di";
import type { BindContext, Container } from "@repo/core-di";
import { PrometheusRealtimeTotalsSource } from "../metrics/prometheus-realtime-totals-source";
import { InMemoryActivityLog } from "../repositories/in-memory-activity-log";
import { InMemoryMetricsSampleStore } from "../repositories/in-memory-metrics-sample-store";
import { getDashboardSnapshotUseCase } from "../use-cases/get-dashboard-snapshot";
import { recordActivityUseCase } from "../use-cases/record-activity";
import { sampleRealtimeMetricsUseCase } from "../use-cases/sample-realtime-metrics";
import type { ResolvedAdminObservabilityOptions } from "./admin-observability-options";
import { AdminObservabilitySymbols } from "./symbols";

/**
 * The bindings both bind files share: the two in-memory stores (metrics and
 * the bus are per instance; each instance pushes its own samples, labelled
 * with `ctx.instanceId`, and the page adds the instances up), the totals
 * source over `ctx.metricsRegistry`, then each use case in its span+capture
 * sandwich.
 *
 * @example
 * bindAdminObservabilityServices(container, ctx, resolveAdminObservabilityOptions({}));
 */
export function bindAdminObservabilityServices(container: Container, ctx: BindContext, options: ResolvedAdminObservabilityOptions): void {
  const activity = new InMemoryActivityLog(options.activityLogSize);
  const samples = new InMemoryMetricsSampleStore(options.sampleHistorySize);
  const source = new PrometheusRealtimeTotalsSource(ctx.metricsRegistry);
  // A context without an id (tests, tools) still gets one label for all its samples.
  const instance = ctx.instanceId ?? randomUUID();
  container.bind(AdminObservabilitySymbols.activityLog, activity);
  container.bind(AdminObservabilitySymbols.metricsSampleStore, samples);
  container.bind(AdminObservabilitySymbols.realtimeTotalsSource, source);

  container.bind(
    AdminObservabilitySymbols.sampleRealtimeMetrics,
    instrumentUseCase(
      ctx,
      "adminObservability.sampleRealtimeMetrics",
      sampleRealtimeMetricsUseCase({
        instance,
        source,
        samples,
        realtime: realtimeFor(ctx, { kind: "use-case", name: "adminObservability.sampleRealtimeMetrics" }),
      }),
    ),
  );
  container.bind(AdminObservabilitySymbols.recordActivity, instrumentUseCase(ctx, "adminObservability.recordActivity", recordActivityUseCase({ activity })));
  container.bind(
    AdminObservabilitySymbols.getDashboardSnapshot,
    instrumentUseCase(
      ctx,
      "adminObservability.getDashboardSnapshot",
      getDashboardSnapshotUseCase({
        instance,
        samples,
        activity, sampleIntervalMs: options.sampleIntervalMs, sampleLimit: options.sampleHistorySize, eventLimit: options.activityLogSize }),
    ),
  );
}
