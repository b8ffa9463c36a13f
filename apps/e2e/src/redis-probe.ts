import { createClient } from "redis";
import { IS_CI } from "./chromium";

/** The Redis the multi-instance scenarios share: REDIS_URL, or the local default. */
export const E2E_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * True when Redis answers PING; otherwise warns LOUDLY. Callers skip with
 * `describe.skipIf(!redisAvailable && !IS_CI)`, so a missing Redis fails
 * under `CI=true` and is skipped, visibly, elsewhere.
 *
 * @example
 * const redisAvailable = await probeRedis();
 */
export async function probeRedis(url = E2E_REDIS_URL): Promise<boolean> {
  const probe = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  // Connection errors surface as the rejection of connect() below; without a listener they would crash the run.
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch (error) {
    const verdict = IS_CI ? "FAIL (CI=true)" : "are SKIPPED here";
    console.warn(`\n!!! Redis at ${url} did not answer (${String(error)}): multi-instance browser tests ${verdict}.\n`);
    return false;
  } finally {
    if (probe.isOpen) probe.destroy();
  }
}
