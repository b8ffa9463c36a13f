/**
 * A fixed-capacity list that drops its oldest item when full: bounded
 * memory whatever the traffic.
 *
 * @example
 * const last = new RingBuffer<number>(3);
 * [1, 2, 3, 4].forEach((n) => last.push(n));
 * last.oldestFirst(); // [2, 3, 4]
 */
export class RingBuffer<T> {
  readonly #items: (T | undefined)[];
  #next = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
    this.#items = new Array<T | undefined>(capacity);
  }

  /** Adds `item`; returns the oldest item it pushed out, if the buffer was full. */
  push(item: T): T | undefined {
    const evicted = this.#size === this.capacity ? this.#items[this.#next] : undefined;
    this.#items[this.#next] = item;
    this.#next = (this.#next + 1) % this.capacity;
    this.#size = Math.min(this.#size + 1, this.capacity);
    return evicted;
  }

  get size(): number {
    return this.#size;
  }

  /** Up to `limit` most recent items, oldest first. */
  oldestFirst(limit = this.capacity): T[] {
    const count = Math.max(0, Math.min(limit, this.#size));
    const result: T[] = [];
    for (let i = count; i >= 1; i--) {
      const item = this.#items[(this.#next - i + this.capacity) % this.capacity];
      if (item !== undefined) result.push(item);
    }
    return result;
  }
}
