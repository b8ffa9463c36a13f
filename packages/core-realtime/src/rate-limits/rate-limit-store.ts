import type { RateLimit } from "./realtime-limits";
import type { TokenBucketVerdict } from "./token-bucket";

/**
 * Per-key token buckets (per-user publish limits) that every instance shares,
 * so a user's many tabs spread over several instances still share one budget.
 *
 * @example
 * const verdict = await rateLimits.take(`user:${userId}`, { capacity: 60, refillPerSecond: 30 });
 * if (!verdict.ok) return errorAck("RATE_LIMITED", "Too many messages", verdict.retryAfterMs);
 */
export interface IRateLimitStore {
  take(key: string, limit: RateLimit): Promise<TokenBucketVerdict>;
  /**
   * The same take without a promise, for stores that need no I/O (the in-memory one): gate 3
   * uses it when present, so a publish takes no extra turn of the event loop for its budget.
   */
  takeSync?(key: string, limit: RateLimit): TokenBucketVerdict;
}
