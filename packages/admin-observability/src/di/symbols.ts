import { token } from "@repo/core-di";
import type { IRealtimeTotalsSource } from "../metrics/realtime-totals";
import type { IActivityLog } from "../repositories/activity-log";
import type { IMetricsSampleStore } from "../repositories/metrics-sample-store";
import type { GetDashboardSnapshot } from "../use-cases/get-dashboard-snapshot";
import type { RecordActivity } from "../use-cases/record-activity";
import type { SampleRealtimeMetrics } from "../use-cases/sample-realtime-metrics";

/** The admin-observability feature's container keys (ADR-008). */
export const AdminObservabilitySymbols = {
  activityLog: token<IActivityLog>("adminObservability.activityLog"),
  metricsSampleStore: token<IMetricsSampleStore>("adminObservability.metricsSampleStore"),
  realtimeTotalsSource: token<IRealtimeTotalsSource>("adminObservability.realtimeTotalsSource"),
  sampleRealtimeMetrics: token<SampleRealtimeMetrics>("adminObservability.sampleRealtimeMetrics"),
  recordActivity: token<RecordActivity>("adminObservability.recordActivity"),
  getDashboardSnapshot: token<GetDashboardSnapshot>("adminObservability.getDashboardSnapshot"),
  // @anchor:symbols
  // @anchor:realtime-symbols
} as const;
