import type { RedisClientType } from "redis";
import { z } from "zod";
import type { Logger } from "@repo/core-observability";
import { InMemoryRateLimitStore } from "./in-memory-rate-limit-store";
import type { IRateLimitStore } from "./rate-limit-store";
import { boundedRedisCall } from "../redis/redis-bounded-call";
import { RedisOutageLatch } from "../redis/redis-outage-latch";
import { RedisScript } from "../redis/redis-script";
import type { RateLimit } from "./realtime-limits";
import type { TokenBucketVerdict } from "./token-bucket";

export interface RedisRateLimitStoreOptions {
  /** Prefix of every key; default `realtime:`. */
  readonly keyPrefix?: string;
  /** Longest wait for Redis per take; past it the local fallback answers. Default 250 ms. */
  readonly timeoutMs?: number;
  readonly logger?: Logger;
  /** While Redis is away, how long takes use the local buckets before one tries Redis again. Default 1000 ms. */
  readonly probeIntervalMs?: number;
  readonly now?: () => number;
}

/**
 * One token bucket as a hash { tokens, ts }, refilled lazily with Redis's own
 * clock (TIME), so instances with skewed clocks still share one budget.
 * KEYS: bucket. ARGV: capacity, refill per ms. Answers { allowed, retryAfterMs }.
 */
const TAKE = new RedisScript(`
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - ts) * perMs)
local allowed, retry = 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.max(1, math.ceil((1 - tokens) / perMs))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs) + 1000)
return {allowed, retry}
`);

const ZTakeReply = z.tuple([z.union([z.literal(0), z.literal(1)]), z.number().int().min(0)]);

/**
 * `IRateLimitStore` on Redis: every instance takes from the same bucket per
 * key (per-user publish limits across a user's tabs on several instances).
 * When Redis does not answer, this instance's own buckets answer instead
 * (`RedisOutageLatch` decides when to try Redis again): limits stay enforced
 * per instance rather than failing open or closed.
 *
 * @example
 * const rateLimits = new RedisRateLimitStore(redis, { keyPrefix: "app:realtime:" });
 * const verdict = await rateLimits.take(`user:${userId}`, limits.inboundRatePerUser);
 */
export class RedisRateLimitStore implements IRateLimitStore {
  readonly #client: RedisClientType;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  readonly #fallback = new InMemoryRateLimitStore();
  readonly #latch: RedisOutageLatch;

  constructor(client: RedisClientType, options: RedisRateLimitStoreOptions = {}) {
    this.#client = client;
    this.#prefix = options.keyPrefix ?? "realtime:";
    this.#timeoutMs = options.timeoutMs ?? 250;
    this.#latch = new RedisOutageLatch(client, {
      store: "rate-limit",
      logger: options.logger,
      probeIntervalMs: options.probeIntervalMs,
      now: options.now,
    });
  }

  take(key: string, limit: RateLimit): Promise<TokenBucketVerdict> {
    return this.#latch.run(
      "take",
      async () => {
        const args = [String(limit.capacity), String(limit.refillPerSecond / 1000)];
        const reply = await boundedRedisCall(this.#client, this.#timeoutMs, "rate limit take", () =>
          TAKE.run(this.#client, [`${this.#prefix}ratelimit:${key}`], args),
        );
        const [allowed, retryAfterMs] = ZTakeReply.parse(reply);
        return allowed === 1 ? { ok: true } : { ok: false, retryAfterMs };
      },
      () => this.#fallback.takeSync(key, limit),
    );
  }
}
