/**
 * `@repo/admin-observability/client`: what the `/admin` page needs (the
 * channel descriptor, the message and snapshot schemas, and the pure
 * cluster aggregation the page folds samples with), without the
 * server half of the feature (sampler, stores, bus wiring) in the bundle.
 */
export {
  adminObservabilityChannel,
  ZAdminActivityMessage,
  ZAdminMetricsMessage,
  ZAdminObservabilityMessage,
} from "./realtime/admin-observability.channel";
export type { TAdminActivityMessage, TAdminMetricsMessage, TAdminObservabilityMessage } from "./realtime/admin-observability.channel";
export { ZActivityEntry } from "./domain/activity-entry";
export type { TActivityEntry } from "./domain/activity-entry";
export { ZMetricsSample } from "./domain/metrics-sample";
export type { TMetricsSample, TOutboxSample, TRejectionCount } from "./domain/metrics-sample";
export { EMPTY_CLUSTER_VIEW, liveInstanceSamples, withInstanceSample, withoutStaleInstances } from "./domain/cluster-view";
export type { ClusterView, InstanceReading } from "./domain/cluster-view";
export { clusterTotals } from "./domain/cluster-totals";
export type { ClusterTotals } from "./domain/cluster-totals";
export { ZDashboardSnapshot } from "./domain/dashboard-snapshot";
export type { TDashboardSnapshot } from "./domain/dashboard-snapshot";
