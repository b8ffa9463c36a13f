/**
 * `@repo/admin-observability/client`: what the `/admin` page needs (the
 * channel descriptor, the message and snapshot schemas, and the pure
 * cluster aggregation the page folds samples with), without the
 * server half of the feature (sampler, stores, bus wiring) in the bundle.
 */
export { adminObservabilityChannel } from "./realtime/admin-observability.channel";
export type { TAdminObservabilityMessage } from "./realtime/admin-observability.channel";
export type { TActivityEntry } from "./domain/activity-entry";
export type { TMetricsSample } from "./domain/metrics-sample";
export { EMPTY_CLUSTER_VIEW, liveInstanceSamples, withInstanceSample, withoutStaleInstances } from "./domain/cluster-view";
export type { ClusterView } from "./domain/cluster-view";
export { clusterTotals } from "./domain/cluster-totals";
export type { ClusterTotals } from "./domain/cluster-totals";
export type { TDashboardSnapshot } from "./domain/dashboard-snapshot";
