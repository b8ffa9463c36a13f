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

export interface RedisHealthWatchOptions {
  readonly redis: RedisClient;
  /** Told on every change: `degraded` while Redis does not answer, `ok` once it does again. */
  readonly onChange: (healthy: boolean) => void;
  readonly intervalMs: number;
  readonly timeoutMs?: number;
}

/**
 * Pings Redis every `intervalMs` and reports transitions only, so clients
 * hear `degraded` once when Redis goes away and `ok` once when it is back;
 * the server itself keeps serving local subscribers throughout. Returns the
 * stop function.
 *
 * @example
 * const stop = watchRedisHealth({ redis, intervalMs: 2_000, onChange: (ok) => realtime.setHealth(ok ? "ok" : "degraded") });
 */
export function watchRedisHealth(options: RedisHealthWatchOptions): () => void {
  let healthy = true;
  let checking = false;
  const check = async (): Promise<void> => {
    if (checking) return;
    checking = true;
    try {
      const now = await isRedisReachable(options.redis, options.timeoutMs ?? Math.min(1_000, options.intervalMs));
      if (now !== healthy) {
        healthy = now;
        options.onChange(now);
      }
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
