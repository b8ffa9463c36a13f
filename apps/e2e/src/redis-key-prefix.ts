import { randomBytes } from "node:crypto";
import { createClient } from "redis";

/**
 * A `REDIS_KEY_PREFIX` no other run uses (`e2e-<hex>:`), so instances of this
 * run share their realtime keys with each other and with nobody else.
 *
 * @example
 * const prefix = uniqueRedisKeyPrefix(); // "e2e-3f9a1c2b:"
 */
export function uniqueRedisKeyPrefix(): string {
  return `e2e-${randomBytes(4).toString("hex")}:`;
}

/**
 * Deletes every key under `prefix` (SCAN + UNLINK, never FLUSHALL: the Redis
 * is shared). Returns how many keys went.
 *
 * @example
 * await deleteRedisKeys(E2E_REDIS_URL, prefix);
 */
export async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  if (prefix.length < 4) throw new Error(`refusing to delete keys under the short prefix "${prefix}"`);
  const client = createClient({ url, socket: { connectTimeout: 5_000, reconnectStrategy: false } });
  client.on("error", (error: unknown) => console.warn(`redis cleanup of ${prefix}*`, error));
  await client.connect();
  let deleted = 0;
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) deleted += await client.unlink(keys);
    }
  } finally {
    client.destroy();
  }
  return deleted;
}
