import type { RedisClientType } from "redis";

/**
 * Redis is not connected, or did not answer in time. Callers catch it and
 * fall back to this instance's own state (local delivery, local buckets):
 * a realtime server must keep serving its own sockets through an outage.
 */
export class RedisUnavailableError extends Error {
  override readonly name = "RedisUnavailableError";
}

/**
 * Runs one Redis call with an upper bound on the wait. A client that is not
 * ready fails at once: node-redis would otherwise park the command in its
 * offline queue until the connection comes back.
 *
 * @example
 * const seq = await boundedRedisCall(redis, 1_000, "INCR", () => redis.incr(key));
 */
export async function boundedRedisCall<T>(
  client: Pick<RedisClientType, "isReady">,
  timeoutMs: number,
  what: string,
  call: () => Promise<T>,
): Promise<T> {
  if (!client.isReady) throw new RedisUnavailableError(`Redis is not connected (${what})`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RedisUnavailableError(`Redis did not answer ${what} within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([call(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
