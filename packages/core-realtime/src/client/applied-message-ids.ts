/** How many message ids a client remembers by default: far more than any replay window holds. */
const DEFAULT_APPLIED_MESSAGE_IDS = 5_000;

/**
 * The message ids a client already handed to the application, oldest
 * forgotten first, so memory stays bounded however long the page lives.
 * The outbox delivers at least once: a redelivery carries the same id under
 * a new `seq`, and this is where it stops (ADR-021).
 *
 * @example
 * const applied = new AppliedMessageIds(3);
 * applied.add("m1"); // true: new
 * applied.add("m1"); // false: already applied
 */
export class AppliedMessageIds {
  readonly #capacity: number;
  // A Set iterates in insertion order, so its first entry is the oldest.
  readonly #ids = new Set<string>();

  constructor(capacity = DEFAULT_APPLIED_MESSAGE_IDS) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#ids.size;
  }

  /** Remembers `id`; false when it was already remembered (the message is a duplicate). */
  add(id: string): boolean {
    if (this.#ids.has(id)) return false;
    this.#ids.add(id);
    if (this.#ids.size > this.#capacity) {
      const oldest = this.#ids.values().next();
      if (oldest.done !== true) this.#ids.delete(oldest.value);
    }
    return true;
  }
}
