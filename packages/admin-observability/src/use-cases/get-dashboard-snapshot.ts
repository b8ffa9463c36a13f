import type { TDashboardSnapshot } from "../domain/dashboard-snapshot";
import type { IActivityLog } from "../repositories/activity-log";
import { DEFAULT_ACTIVITY_LOG_SIZE } from "../repositories/activity-log";
import type { IMetricsSampleStore } from "../repositories/metrics-sample-store";
import { DEFAULT_SAMPLE_HISTORY_SIZE } from "../repositories/metrics-sample-store";

export interface GetDashboardSnapshotDeps {
  readonly samples: IMetricsSampleStore;
  readonly activity: IActivityLog;
  readonly sampleIntervalMs: number;
  readonly sampleLimit?: number;
  readonly eventLimit?: number;
}

export type GetDashboardSnapshot = () => Promise<TDashboardSnapshot>;

/**
 * The dashboard as it stands: recent samples (oldest first, the last is
 * current) and recent activity (newest first). Authorization is the
 * caller's (the tRPC procedure is admin-only).
 *
 * @example
 * const snapshot = await getDashboardSnapshotUseCase({ samples, activity, sampleIntervalMs: 1000 })();
 */
export function getDashboardSnapshotUseCase(deps: GetDashboardSnapshotDeps): GetDashboardSnapshot {
  return async () => {
    const [samples, events] = await Promise.all([
      deps.samples.recent(deps.sampleLimit ?? DEFAULT_SAMPLE_HISTORY_SIZE),
      deps.activity.recent(deps.eventLimit ?? DEFAULT_ACTIVITY_LOG_SIZE),
    ]);
    return { sampleIntervalMs: deps.sampleIntervalMs, samples, events };
  };
}
