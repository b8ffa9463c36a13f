import type { RateLimit } from "./realtime-limits";

export type TokenBucketVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

const ALLOWED: TokenBucketVerdict = Object.freeze({ ok: true });

/**
 * A classic token bucket: bursts up to `capacity`, then `refillPerSecond`.
 * Refill is computed lazily on `take`, so an idle bucket costs no timer.
 *
 * @example
 * const bucket = new TokenBucket({ capacity: 20, refillPerSecond: 10 });
 * const verdict = bucket.take();
 * if (!verdict.ok) return rateLimited(verdict.retryAfterMs);
 */
export class TokenBucket {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  readonly #now: () => number;
  #tokens: number;
  #updatedAt: number;

  constructor(limit: RateLimit, now: () => number = performance.now.bind(performance)) {
    this.#capacity = limit.capacity;
    this.#refillPerMs = limit.refillPerSecond / 1000;
    this.#now = now;
    this.#tokens = limit.capacity;
    this.#updatedAt = now();
  }

  /** Takes one token, or says how long until one is available. */
  take(): TokenBucketVerdict {
    const now = this.#now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#updatedAt) * this.#refillPerMs);
    this.#updatedAt = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return ALLOWED;
    }
    return { ok: false, retryAfterMs: Math.max(1, Math.ceil((1 - this.#tokens) / this.#refillPerMs)) };
  }
}
