import type { TActivityEntry } from "../domain/activity-entry";
import type { IActivityLog } from "./activity-log";
import { DEFAULT_ACTIVITY_LOG_SIZE } from "./activity-log";
import { RingBuffer } from "./ring-buffer";

/**
 * The last `capacity` entries of this instance, in memory. Each instance
 * has its own bus (ADR-015), so its own log is what it saw.
 *
 * @example
 * const log = new InMemoryActivityLog(50);
 * await log.append(entry);
 * await log.recent(10); // newest first
 */
export class InMemoryActivityLog implements IActivityLog {
  readonly #entries: RingBuffer<TActivityEntry>;
  readonly #ids = new Set<string>();

  constructor(capacity = DEFAULT_ACTIVITY_LOG_SIZE) {
    this.#entries = new RingBuffer(capacity);
  }

  append(entry: TActivityEntry): Promise<void> {
    if (this.#ids.has(entry.id)) return Promise.resolve();
    const evicted = this.#entries.push(structuredClone(entry));
    if (evicted !== undefined) this.#ids.delete(evicted.id);
    this.#ids.add(entry.id);
    return Promise.resolve();
  }

  recent(limit: number): Promise<TActivityEntry[]> {
    return Promise.resolve(this.#entries.oldestFirst(limit).reverse().map((entry) => structuredClone(entry)));
  }
}
