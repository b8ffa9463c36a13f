export interface IdempotencyCacheOptions<T> {
  /** Most keys remembered; the oldest is forgotten first. */
  readonly maxEntries: number;
  readonly ttlMs: number;
  /** Whether a settled value should be remembered (e.g. not a transient failure the client may retry). */
  readonly keep?: (value: T) => boolean;
  readonly now?: () => number;
}

interface Entry<T> {
  readonly promise: Promise<T>;
  readonly expiresAt: number;
}

/**
 * Runs an operation at most once per key within a TTL. A repeat of a key
 * (a client retrying after a lost ack) gets the first run's result, even
 * while that run is still in flight. Bounded: entries expire after `ttlMs`,
 * and past `maxEntries` the oldest go first. Entries are kept in insertion
 * order with one TTL, so expired ones always sit at the front and pruning
 * stays O(1) amortised.
 *
 * @example
 * const cache = new IdempotencyCache<Ack>({ maxEntries: 10_000, ttlMs: 300_000 });
 * const { value, duplicate } = await cache.run(key, () => runHandler());
 */
export class IdempotencyCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #options: IdempotencyCacheOptions<T>;
  readonly #now: () => number;

  constructor(options: IdempotencyCacheOptions<T>) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  async run(key: string, operation: () => Promise<T>): Promise<{ readonly value: T; readonly duplicate: boolean }> {
    this.prune();
    const existing = this.#entries.get(key);
    if (existing !== undefined) return { value: await existing.promise, duplicate: true };

    const promise = operation();
    const entry = { promise, expiresAt: this.#now() + this.#options.ttlMs };
    this.#entries.set(key, entry);
    if (this.#entries.size > this.#options.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    try {
      const value = await promise;
      if (this.#options.keep?.(value) === false) this.#forget(key, entry);
      return { value, duplicate: false };
    } catch (error) {
      // A failed run is not a result: let the client's retry run it again.
      this.#forget(key, entry);
      throw error;
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  #forget(key: string, entry: Entry<T>): void {
    if (this.#entries.get(key) === entry) this.#entries.delete(key);
  }

  /** Forgets expired keys (also done by every `run`). */
  prune(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) return;
      this.#entries.delete(key);
    }
  }
}
