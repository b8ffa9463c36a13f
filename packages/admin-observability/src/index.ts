export { bindProductionAdminObservability } from "./bind-production";
export { bindDevSeedAdminObservability } from "./bind-dev-seed";
export { AdminObservabilitySymbols } from "./di/symbols";
export { ADMIN_OBSERVABILITY_FEATURE_NAME } from "./di/admin-observability-feature-module";
export type { AdminObservabilityOptions } from "./di/admin-observability-options";
export { ACTIVITY_DETAIL_MAX_FIELDS, ACTIVITY_DETAIL_MAX_LENGTH, toActivityEntry, ZActivityEntry } from "./domain/activity-entry";
export type { TActivityEntry } from "./domain/activity-entry";
export { ZMetricsSample, ZOutboxSample, ZRejectionCount } from "./domain/metrics-sample";
export type { TMetricsSample, TOutboxSample, TRejectionCount } from "./domain/metrics-sample";
export { EMPTY_CLUSTER_VIEW, liveInstanceSamples, STALE_AFTER_SAMPLE_INTERVALS, staleAfterMsFor, withInstanceSample, withoutStaleInstances } from "./domain/cluster-view";
export type { ClusterView, InstanceReading } from "./domain/cluster-view";
export { clusterTotals } from "./domain/cluster-totals";
export type { ClusterTotals } from "./domain/cluster-totals";
export { ZDashboardSnapshot } from "./domain/dashboard-snapshot";
export type { TDashboardSnapshot } from "./domain/dashboard-snapshot";
export { adminObservabilityStarted } from "./events/admin-observability-started.event";
export { computeMetricsSample } from "./metrics/compute-metrics-sample";
export type { TimedTotals } from "./metrics/compute-metrics-sample";
export { PrometheusRealtimeTotalsSource, REALTIME_METRIC_NAMES } from "./metrics/prometheus-realtime-totals-source";
export type { IRealtimeTotalsSource, RealtimeTotals } from "./metrics/realtime-totals";
export { DEFAULT_SAMPLE_INTERVAL_MS, MIN_SAMPLE_INTERVAL_MS, startMetricsSampler } from "./metrics/start-metrics-sampler";
export type { MetricsSampler, MetricsSamplerOptions } from "./metrics/start-metrics-sampler";
export { DEFAULT_ACTIVITY_LOG_SIZE } from "./repositories/activity-log";
export type { IActivityLog } from "./repositories/activity-log";
export { InMemoryActivityLog } from "./repositories/in-memory-activity-log";
export { DEFAULT_SAMPLE_HISTORY_SIZE } from "./repositories/metrics-sample-store";
export type { IMetricsSampleStore } from "./repositories/metrics-sample-store";
export { InMemoryMetricsSampleStore } from "./repositories/in-memory-metrics-sample-store";
export type { GetDashboardSnapshot } from "./use-cases/get-dashboard-snapshot";
export type { RecordActivity } from "./use-cases/record-activity";
export type { SampleRealtimeMetrics } from "./use-cases/sample-realtime-metrics";
export type { AdminObservabilityRouter } from "./trpc/router";
// @anchor:exports
export { ADMIN_ACTIVITY_EVENTS } from "./realtime/admin-activity-events";
export {
  adminObservabilityChannel,
  ZAdminActivityMessage,
  ZAdminMetricsMessage,
  ZAdminObservabilityMessage,
} from "./realtime/admin-observability.channel";
export type { TAdminActivityMessage, TAdminMetricsMessage, TAdminObservabilityMessage } from "./realtime/admin-observability.channel";
// @anchor:realtime-channels
