import { staleAfterMsFor } from "../domain/cluster-view";
import type { TDashboardSnapshot } from "../domain/dashboard-snapshot";
import type { IActivityLog } from "../repositories/activity-log";
import { DEFAULT_ACTIVITY_LOG_SIZE } from "../repositories/activity-log";
import type { IMetricsSampleStore } from "../repositories/metrics-sample-store";
import { DEFAULT_SAMPLE_HISTORY_SIZE } from "../repositories/metrics-sample-store";

export interface GetDashboardSnapshotDeps {
  /** This instance's id (the label of its samples). */
  readonly instance: string;
  readonly samples: IMetricsSampleStore;
  readonly activity: IActivityLog;
  readonly sampleIntervalMs: number;
  readonly sampleLimit?: number;
  readonly eventLimit?: number;
}

export type GetDashboardSnapshot = () => Promise<TDashboardSnapshot>;

/**
 * The dashboard as this instance knows it: its recent samples (oldest first,
 * the last is current), recent activity (newest first), and how long the
 * page keeps an instance that stopped reporting. Other instances' samples
 * reach the page on the channel, not here. Authorization is the
 * caller's (the tRPC procedure is admin-only).
 *
 * @example
 * const snapshot = await getDashboardSnapshotUseCase({ instance: "instance-a", samples, activity, sampleIntervalMs: 1000 })();
 */
export function getDashboardSnapshotUseCase(deps: GetDashboardSnapshotDeps): GetDashboardSnapshot {
  return async () => {
    const [samples, events] = await Promise.all([
      deps.samples.recent(deps.sampleLimit ?? DEFAULT_SAMPLE_HISTORY_SIZE),
      deps.activity.recent(deps.eventLimit ?? DEFAULT_ACTIVITY_LOG_SIZE),
    ]);
    return { sampleIntervalMs: deps.sampleIntervalMs, staleAfterMs: staleAfterMsFor(deps.sampleIntervalMs), instance: deps.instance, samples, events };
  };
}
