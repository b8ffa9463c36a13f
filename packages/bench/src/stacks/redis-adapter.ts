import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import type { RedisAdapterConfig } from "./bench-stack";

export interface RedisAdapterHandle {
  readonly adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * The Socket.IO Redis Streams adapter on its own client, the same for both
 * stacks (the app has no adapter wired yet; this is the one ADR-016's
 * multi-instance note names).
 *
 * @example
 * const redis = await connectRedisAdapter({ url: "redis://127.0.0.1:6379", streamName: "bench:run1:ours" });
 */
export async function connectRedisAdapter(config: RedisAdapterConfig): Promise<RedisAdapterHandle> {
  const client = createClient({ url: config.url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on("error", (error: unknown) => console.error(`bench redis client error: ${String(error)}`));
  await client.connect();
  return {
    adapter: createAdapter(client, { streamName: config.streamName, maxLen: 10_000, onlyPlaintext: true }),
    close: async () => {
      if (client.isOpen) client.destroy();
    },
  };
}
