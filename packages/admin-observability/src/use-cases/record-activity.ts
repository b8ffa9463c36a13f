import type { TActivityEntry } from "../domain/activity-entry";
import type { IActivityLog } from "../repositories/activity-log";

export interface RecordActivityDeps {
  readonly activity: IActivityLog;
}

export type RecordActivity = (entry: TActivityEntry) => Promise<void>;

/**
 * Keeps an allowlisted bus event in the activity log, so a page that opens
 * later still sees it on first paint. The live push is the bridge's job.
 *
 * @example
 * const record = recordActivityUseCase({ activity });
 * await record(toActivityEntry(event.name, payload, meta));
 */
export function recordActivityUseCase(deps: RecordActivityDeps): RecordActivity {
  return (entry) => deps.activity.append(entry);
}
