import type { RedisClient } from "@repo/core-di";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { accountThrottleKey, addressThrottleKey, DEFAULT_AUTH_THROTTLE_LIMITS } from "./auth-throttle";
import type { AuthThrottleLimits, IAuthThrottle, ThrottleKeys, ThrottleVerdict } from "./auth-throttle";

export interface AuthThrottleOptions {
  /** Shared budgets across instances; `null`: this process only. */
  readonly redis: RedisClient | null;
  /** Redis key prefix, e.g. `app:auth:throttle:login:` (the action keeps sign-in and sign-up apart). */
  readonly keyPrefix: string;
  readonly limits?: Partial<AuthThrottleLimits>;
}

function limiter(options: AuthThrottleOptions, name: string, points: number, duration: number): RateLimiterAbstract {
  const keyPrefix = `${options.keyPrefix}${name}`;
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  if (options.redis === null) return memory;
  // node-redis (v4+) needs useRedisPackage; if Redis fails, the in-memory insurance keeps throttling per instance.
  return new RateLimiterRedis({ storeClient: options.redis, useRedisPackage: true, keyPrefix, points, duration, insuranceLimiter: memory });
}

/**
 * `IAuthThrottle` on rate-limiter-flexible: two fixed-window counters, per
 * account and per address, in Redis when configured (atomic INCR + TTL in
 * one Lua call, so two instances share one budget), in memory otherwise.
 *
 * @example
 * const throttle = createAuthThrottle({ redis, keyPrefix: "app:auth:throttle:login:" });
 * const verdict = await throttle.attempt({ account: "alice", address: req.socket.remoteAddress });
 */
export function createAuthThrottle(options: AuthThrottleOptions): IAuthThrottle {
  const limits = { ...DEFAULT_AUTH_THROTTLE_LIMITS, ...options.limits };
  const byAccount = limiter(options, "account:", limits.attemptsPerAccount, limits.windowSeconds);
  const byAddress = limiter(options, "address:", limits.attemptsPerAddress, limits.windowSeconds);

  const consume = async (rateLimiter: RateLimiterAbstract, key: string): Promise<number> => {
    try {
      await rateLimiter.consume(key);
      return 0;
    } catch (rejection) {
      // A refusal is a RateLimiterRes; anything else (a store failure past the insurance) propagates.
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  };

  return {
    async attempt(keys: ThrottleKeys): Promise<ThrottleVerdict> {
      const waits = await Promise.all([
        consume(byAddress, addressThrottleKey(keys.address)),
        keys.account === undefined ? Promise.resolve(0) : consume(byAccount, accountThrottleKey(keys.account)),
      ]);
      const retryAfterSeconds = Math.max(...waits);
      return retryAfterSeconds === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds };
    },
    async succeeded(keys: ThrottleKeys): Promise<void> {
      await Promise.all([
        byAddress.reward(addressThrottleKey(keys.address), 1),
        keys.account === undefined ? Promise.resolve() : byAccount.delete(accountThrottleKey(keys.account)),
      ]);
    },
  };
}
