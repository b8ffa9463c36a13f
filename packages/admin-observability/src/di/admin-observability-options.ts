import { DEFAULT_SAMPLE_INTERVAL_MS, MIN_SAMPLE_INTERVAL_MS } from "../metrics/start-metrics-sampler";
import { DEFAULT_ACTIVITY_LOG_SIZE } from "../repositories/activity-log";
import { DEFAULT_SAMPLE_HISTORY_SIZE } from "../repositories/metrics-sample-store";

/** Tuning for the dashboard; every field has a default. */
export interface AdminObservabilityOptions {
  /** How often a metrics sample is taken and pushed (default 1000 ms, minimum 50). */
  readonly sampleIntervalMs?: number;
  /** Samples kept for the chart's first paint (default 60). */
  readonly sampleHistorySize?: number;
  /** Activity entries kept for the event log's first paint (default 50). */
  readonly activityLogSize?: number;
}

export type ResolvedAdminObservabilityOptions = Required<AdminObservabilityOptions>;

function requireInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

/**
 * The options with their defaults filled in, checked before the bind file
 * subscribes or starts anything (a bad value throws `RangeError` and leaves
 * nothing running).
 */
export function resolveAdminObservabilityOptions(options: AdminObservabilityOptions): ResolvedAdminObservabilityOptions {
  return {
    sampleIntervalMs: requireInteger("sampleIntervalMs", options.sampleIntervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS, MIN_SAMPLE_INTERVAL_MS),
    sampleHistorySize: requireInteger("sampleHistorySize", options.sampleHistorySize ?? DEFAULT_SAMPLE_HISTORY_SIZE, 1),
    activityLogSize: requireInteger("activityLogSize", options.activityLogSize ?? DEFAULT_ACTIVITY_LOG_SIZE, 1),
  };
}
