import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import type { RedisClientType } from "redis";
import { describe } from "vitest";
import { testRedisEnv } from "./env";

/** The Redis tests use: REDIS_URL, or the local default. */
export const TEST_REDIS_URL = testRedisEnv.redisUrl;

/**
 * True when Redis answers PING. A missing Redis is announced loudly here, so
 * no test file repeats the banner; `describeWithRedis` turns the answer into
 * "fail under CI=true, skip elsewhere".
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
    console.warn(
      `\n!!! Redis at ${url} did not answer (${String(error)}): Redis-backed tests are SKIPPED here. Start redis-server or set REDIS_URL; under CI=true they fail instead.\n`,
    );
    return false;
  } finally {
    if (probe.isOpen) probe.destroy();
  }
}

/**
 * `describe` for suites that need a real Redis: runs when it answers, runs
 * (and fails) under `CI=true` when it does not, and is skipped otherwise.
 *
 * @example
 * describeWithRedis(await probeRedis())("RedisSessionStore", () => { ... });
 */
export function describeWithRedis(available: boolean): ReturnType<typeof describe.skipIf> {
  return describe.skipIf(!available && !testRedisEnv.isCi);
}

export interface TestRedisKeyspace {
  /** A prefix no other run shares, e.g. `test:articles:<uuid>:`. */
  readonly prefix: string;
  /** A new connected client (tests that need two connections call it twice). */
  client(): Promise<RedisClientType>;
  /** Deletes every key under the prefix and closes every client it handed out. */
  dispose(): Promise<void>;
}

/**
 * A private corner of the shared Redis for one test file: a unique prefix,
 * clients, and a cleanup that removes exactly what the file wrote.
 *
 * @example
 * const keyspace = testRedisKeyspace("articles");
 * afterAll(() => keyspace.dispose());
 * const store = new RedisSessionStore(await keyspace.client(), { keyPrefix: keyspace.prefix });
 */
export function testRedisKeyspace(area: string, url = TEST_REDIS_URL): TestRedisKeyspace {
  const prefix = `test:${area}:${randomUUID()}:`;
  const clients: RedisClientType[] = [];
  return {
    prefix,
    client: async () => {
      const client: RedisClientType = createClient({ url });
      client.on("error", (error: unknown) => console.warn(`redis test client (${area}):`, String(error)));
      await client.connect();
      clients.push(client);
      return client;
    },
    dispose: async () => {
      const cleaner = clients.find((client) => client.isReady);
      if (cleaner !== undefined) {
        for await (const keys of cleaner.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
          if (keys.length > 0) await cleaner.del(keys);
        }
      }
      for (const client of clients) if (client.isOpen) client.destroy();
    },
  };
}
