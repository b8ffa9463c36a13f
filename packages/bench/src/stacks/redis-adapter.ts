import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import type { RedisClientType } from "redis";
import type { RedisAdapterConfig } from "./bench-stack";

/** Adapter settings both stacks share: the ones `createRedisStreamsAdapter` (ADR-019) uses. */
const STREAM_MAX_LEN = 10_000;
const STREAM_BLOCK_TIME_MS = 5_000;

export interface RedisConnection {
  readonly client: RedisClientType;
  close(): Promise<void>;
}

/** One Redis client for a stack under test; connection errors are printed, never thrown at the emitter. */
export async function connectBenchRedis(config: RedisAdapterConfig): Promise<RedisConnection> {
  const client: RedisClientType = createClient({ url: config.url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on("error", (error: unknown) => console.error(`bench redis client error: ${String(error)}`));
  await client.connect();
  return {
    client,
    close: async () => {
      if (client.isOpen) client.destroy();
    },
  };
}

/**
 * The baseline's adapter: `@socket.io/redis-streams-adapter` used directly,
 * with the same stream, channel prefix, length and block time as ours.
 *
 * @example
 * const adapter = baselineRedisAdapter(redis.client, "bench:run1:baseline:");
 */
export function baselineRedisAdapter(client: RedisClientType, keyPrefix: string): ReturnType<typeof createAdapter> {
  return createAdapter(client, {
    streamName: `${keyPrefix}socket.io`,
    channelPrefix: `${keyPrefix}socket.io`,
    maxLen: STREAM_MAX_LEN,
    blockTimeInMs: STREAM_BLOCK_TIME_MS,
  });
}
