import { createClient } from "redis";

/** The Redis the tests use: REDIS_URL, or the local default. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * One decision per test file: true when Redis answers PING. Callers run
 * `describe.skipIf(!available && process.env.CI !== "true")`, so a missing
 * Redis fails under CI and is skipped loudly elsewhere.
 *
 * @example
 * const redisAvailable = await probeRedis();
 */
export async function probeRedis(url = TEST_REDIS_URL): Promise<boolean> {
  const probe = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  // Connection errors surface as the rejection of connect() below; without a listener they would crash the run.
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch (error) {
    console.warn(`\n!!! Redis at ${url} did not answer (${String(error)}): Redis-backed polls tests are SKIPPED. Start redis-server or set REDIS_URL; under CI=true they fail instead.\n`);
    return false;
  } finally {
    if (probe.isOpen) probe.destroy();
  }
}
