/**
 * `@repo/admin-observability/client`: what the `/admin` page needs (the
 * channel descriptor and the message and snapshot schemas), without the
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
export type { TMetricsSample, TRejectionCount } from "./domain/metrics-sample";
export { ZDashboardSnapshot } from "./domain/dashboard-snapshot";
export type { TDashboardSnapshot } from "./domain/dashboard-snapshot";
