import type { IRateLimitStore } from "./rate-limit-store";
import type { RateLimit } from "./realtime-limits";
import { TokenBucket } from "./token-bucket";
import type { TokenBucketVerdict } from "./token-bucket";

interface Entry {
  readonly bucket: TokenBucket;
  readonly limit: RateLimit;
  lastUsed: number;
}

/** Sweep idle buckets every this many takes, so the map cannot grow with keys nobody uses again. */
const SWEEP_EVERY = 1_000;

/**
 * Token buckets in this process, per key. A bucket idle for longer than it
 * takes to refill completely is indistinguishable from a new one, so it is
 * dropped on the next sweep.
 *
 * @example
 * const limits = new InMemoryRateLimitStore();
 * const verdict = await limits.take("user:alice", { capacity: 60, refillPerSecond: 30 });
 */
export class InMemoryRateLimitStore implements IRateLimitStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  #takes = 0;

  constructor(options: { readonly now?: () => number } = {}) {
    this.#now = options.now ?? performance.now.bind(performance);
  }

  take(key: string, limit: RateLimit): Promise<TokenBucketVerdict> {
    return Promise.resolve(this.takeSync(key, limit));
  }

  /** The same, synchronously, for callers on the hot path (and the Redis store's fallback). */
  takeSync(key: string, limit: RateLimit): TokenBucketVerdict {
    const now = this.#now();
    if (++this.#takes % SWEEP_EVERY === 0) this.#sweep(now);
    let entry = this.#entries.get(key);
    if (entry === undefined || entry.limit !== limit) {
      entry = { bucket: new TokenBucket(limit, this.#now), limit, lastUsed: now };
      this.#entries.set(key, entry);
    }
    entry.lastUsed = now;
    return entry.bucket.take();
  }

  get size(): number {
    return this.#entries.size;
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#entries) {
      const refillMs = (entry.limit.capacity / entry.limit.refillPerSecond) * 1000;
      if (now - entry.lastUsed > refillMs) this.#entries.delete(key);
    }
  }
}
