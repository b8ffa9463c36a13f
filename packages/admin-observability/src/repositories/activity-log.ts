import type { TActivityEntry } from "../domain/activity-entry";

/** How many activity entries the dashboard keeps (and the snapshot returns at most). */
export const DEFAULT_ACTIVITY_LOG_SIZE = 50;

/** Recent bus and job activity, for the dashboard's first paint. */
export interface IActivityLog {
  /** Stores an entry; an id already stored is ignored. */
  append(entry: TActivityEntry): Promise<void>;
  /** Up to `limit` entries, newest first. */
  recent(limit: number): Promise<TActivityEntry[]>;
}
