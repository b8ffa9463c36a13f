import type { RedisClient } from "@repo/core-di";
import type { Logger } from "@repo/core-observability";
import { createClient } from "redis";

/**
 * Opens the shared Redis connection. Startup waits at most `timeoutMs` for
 * it; past that the server starts anyway (readiness stays 503 until Redis
 * answers) and the client keeps reconnecting in the background.
 *
 * @example
 * const redis = env.REDIS_URL === undefined ? null : await connectRedis(env.REDIS_URL, logger);
 */
export async function connectRedis(url: string, logger: Logger, timeoutMs = 2_000): Promise<RedisClient> {
  const log = logger.child({ layer: "redis" });
  const client: RedisClient = createClient({ url });
  let lastError = "";
  client.on("error", (error: unknown) => {
    // The client retries by itself; log each distinct failure once, not every retry.
    const message = error instanceof Error ? error.message : String(error);
    if (message !== lastError) log.warn({ err: error }, "redis_connection_error");
    lastError = message;
  });
  client.on("ready", () => {
    lastError = "";
    log.info("redis_ready");
  });
  let timer: NodeJS.Timeout | undefined;
  const connected = client.connect().then(
    () => true,
    (error: unknown) => {
      log.error({ err: error }, "redis_connect_failed");
      return false;
    },
  );
  const gaveUp = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ok = await Promise.race([connected, gaveUp]);
  clearTimeout(timer);
  if (!ok) log.warn({ timeoutMs }, "redis_not_ready_at_startup");
  return client;
}

/**
 * Closes the connection if it is open (pending commands finish first).
 *
 * @example
 * await closeRedis(redis);
 */
export async function closeRedis(client: RedisClient): Promise<void> {
  if (client.isReady) await client.close();
  else if (client.isOpen) client.destroy();
}
