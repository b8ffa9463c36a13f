import { IdempotencyCache } from "./idempotency-cache";
import type { IdempotencyRunOptions, IdempotentRun, IIdempotencyStore } from "./idempotency-store";

export interface InMemoryIdempotencyStoreOptions {
  /** Most owners remembered at once; a new owner past it runs without de-duplication rather than evicting anyone. Default 50,000. */
  readonly maxOwners?: number;
  readonly now?: () => number;
}

/** Runs between two sweeps of owners whose keys have all expired. */
const SWEEP_EVERY_RUNS = 1_024;

/**
 * `IIdempotencyStore` in this process: one bounded `IdempotencyCache` per
 * owner. One owner's flood evicts only its own oldest keys; when the table of
 * owners is full, a newcomer is served without de-duplication (its retries
 * may run twice) instead of evicting someone else's keys.
 *
 * @example
 * const store = new InMemoryIdempotencyStore<PublishAck>();
 * await store.run("user:alice", "polls.p1 m1", () => vote(), { ttlMs: 300_000, maxKeysPerOwner: 500, keep: () => true });
 */
export class InMemoryIdempotencyStore<T> implements IIdempotencyStore<T> {
  readonly #owners = new Map<string, IdempotencyCache<T>>();
  readonly #maxOwners: number;
  readonly #now: () => number;
  #runsSinceSweep = 0;

  constructor(options: InMemoryIdempotencyStoreOptions = {}) {
    this.#maxOwners = options.maxOwners ?? 50_000;
    this.#now = options.now ?? Date.now;
  }

  /** Owners with at least one key (tests, leak checks). */
  get owners(): number {
    return this.#owners.size;
  }

  async run(owner: string, key: string, operation: () => Promise<T>, options: IdempotencyRunOptions<T>): Promise<IdempotentRun<T>> {
    if (++this.#runsSinceSweep >= SWEEP_EVERY_RUNS) this.#sweep();
    let cache = this.#owners.get(owner);
    if (cache === undefined) {
      if (this.#owners.size >= this.#maxOwners) this.#sweep();
      if (this.#owners.size >= this.#maxOwners) return { value: await operation(), duplicate: false };
      cache = new IdempotencyCache<T>({ maxEntries: options.maxKeysPerOwner, ttlMs: options.ttlMs, keep: options.keep, now: this.#now });
      this.#owners.set(owner, cache);
    }
    return cache.run(key, operation);
  }

  clear(): void {
    this.#owners.clear();
  }

  /** Drops owners whose keys have all expired (in-flight runs count as keys). */
  #sweep(): void {
    this.#runsSinceSweep = 0;
    for (const [owner, cache] of this.#owners) {
      cache.prune();
      if (cache.size === 0) this.#owners.delete(owner);
    }
  }
}
