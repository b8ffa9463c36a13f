import type { RedisClient } from "@repo/core-di";

/**
 * True when Redis answers PING within `timeoutMs`. A client that is not
 * connected answers false at once: its offline queue would otherwise hold
 * the PING until it reconnects.
 *
 * @example
 * const redisOk = await isRedisReachable(redis, 500);
 */
export async function isRedisReachable(redis: RedisClient, timeoutMs: number): Promise<boolean> {
  if (!redis.isReady) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([redis.ping().then((reply) => reply === "PONG"), timeout]);
  } catch (error) {
    // A failed PING is the answer we are looking for, not an error to propagate.
    if (error instanceof Error) return false;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
