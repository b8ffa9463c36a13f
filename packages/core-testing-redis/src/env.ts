/** What the Redis test kit reads from the environment, in one place (lint allows `process.env` only in `env.ts` files). */
export const testRedisEnv = Object.freeze({
  /** The Redis tests use: REDIS_URL, or the local default. */
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  /** `CI=true`: a missing Redis fails instead of skipping. */
  isCi: process.env.CI === "true",
});
