import type { TMetricsSample } from "../domain/metrics-sample";

/** How many samples the dashboard keeps: a minute at the default 1 s interval. */
export const DEFAULT_SAMPLE_HISTORY_SIZE = 60;

/** Recent metrics samples: the chart's points on first paint. */
export interface IMetricsSampleStore {
  append(sample: TMetricsSample): Promise<void>;
  /** Up to `limit` samples, oldest first. */
  recent(limit: number): Promise<TMetricsSample[]>;
}
