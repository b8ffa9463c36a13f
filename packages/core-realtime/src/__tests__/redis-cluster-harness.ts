import type { RedisClientType } from "redis";
import { createLogCapture } from "@repo/core-observability/testing";
import { RedisChannelLog } from "../history/redis-channel-log";
import { RedisPresenceStore } from "../presence/redis-presence-store";
import { RedisRateLimitStore } from "../rate-limits/redis-rate-limit-store";
import { createRedisStreamsAdapter } from "../server/socket-io-redis-streams-adapter";
import { publishAckCodec } from "../server/publish-ack-codec";
import { RedisIdempotencyStore } from "../server/redis-idempotency-store";
import type { PublishAck } from "../protocol/wire-protocol";
import { WebhookSender } from "../webhooks/webhook-sender";
import type { BroadcasterContractHarness, ContractSubscriber } from "./broadcaster-contract";
import { waitUntil } from "./broadcaster-contract";
import { createTestRegistry } from "./realtime-test-channels";
import { TokenTableAuthenticator, collectMessages, request, startSocketIOTestServer } from "./socket-io-harness";
import type { SocketIOTestServer } from "./socket-io-harness";

export interface RedisCluster {
  readonly a: SocketIOTestServer;
  readonly b: SocketIOTestServer;
  /** One token table for both instances, as a shared session store would be. */
  readonly authenticator: TokenTableAuthenticator;
  close(): Promise<void>;
}

export interface RedisClusterOptions {
  readonly presenceTtlMs?: number;
  readonly presenceHeartbeatMs?: number;
  /** The presence stores' clock (lease expiry); default `Date.now`. */
  readonly now?: () => number;
  /** Webhooks to this receiver, from both instances, with a shared occupancy store and quick retries. */
  readonly webhooks?: { readonly url: string; readonly secret: string };
}

/**
 * The bound on each Redis call in these tests. Past it an instance falls back to its own
 * state (local delivery, own epoch, own buckets), which is right in an outage and a false
 * failure on a loaded machine with a healthy Redis: so it is generous here.
 */
const REDIS_TEST_TIMEOUT_MS = 20_000;

/**
 * Two `SocketIORealtimeServer` instances wired exactly as the app wires them
 * when REDIS_URL is set: the Redis Streams adapter, RedisChannelLog,
 * RedisPresenceStore, RedisRateLimitStore, RedisIdempotencyStore and connection-state recovery,
 * all under one test-run key prefix.
 */
export async function startRedisCluster(
  client: RedisClientType,
  keyPrefix: string,
  options: RedisClusterOptions = {},
): Promise<RedisCluster> {
  const authenticator = new TokenTableAuthenticator();
  const logger = createLogCapture({ level: "warn" }).logger;
  const instance = () =>
    startSocketIOTestServer({
      registry: createTestRegistry().registry,
      authenticator,
      adapter: createRedisStreamsAdapter(client, { keyPrefix, logger, blockTimeMs: 500, timeoutMs: REDIS_TEST_TIMEOUT_MS }),
      channelLog: new RedisChannelLog(client, { keyPrefix, timeoutMs: REDIS_TEST_TIMEOUT_MS }),
      presence: new RedisPresenceStore(client, {
        keyPrefix,
        ttlMs: options.presenceTtlMs ?? 30_000,
        timeoutMs: REDIS_TEST_TIMEOUT_MS,
        ...(options.now === undefined ? {} : { now: options.now }),
      }),
      presenceHeartbeatMs: options.presenceHeartbeatMs ?? 10_000,
      rateLimits: new RedisRateLimitStore(client, { keyPrefix, timeoutMs: REDIS_TEST_TIMEOUT_MS }),
      idempotency: new RedisIdempotencyStore<PublishAck>(client, { keyPrefix, logger, timeoutMs: REDIS_TEST_TIMEOUT_MS, ...publishAckCodec }),
      connectionStateRecovery: { maxDisconnectionDurationMs: 30_000 },
      ...(options.webhooks === undefined
        ? {}
        : {
            webhooks: {
              sink: new WebhookSender({ ...options.webhooks, logger, batchDelayMs: 20, backoff: { initialMs: 50, maxMs: 200 } }),
              occupancy: new RedisPresenceStore(client, { keyPrefix: `${keyPrefix}occupancy:`, ttlMs: options.presenceTtlMs ?? 30_000, timeoutMs: REDIS_TEST_TIMEOUT_MS }),
            },
          }),
    });
  const [a, b] = await Promise.all([instance(), instance()]);
  return { a, b, authenticator, close: async () => void (await Promise.all([a.close(), b.close()])) };
}

/**
 * The broadcaster contract across instances: the broadcaster is instance A's,
 * every subscriber is connected to instance B, so each delivery crosses Redis.
 */
export function createRedisContractHarness(client: () => RedisClientType, keyPrefix: () => string): () => Promise<BroadcasterContractHarness> {
  return async () => {
    const cluster = await startRedisCluster(client(), keyPrefix());
    let open = 0;
    return {
      broadcaster: cluster.a.broadcaster,
      gated: cluster.a.server.broadcaster,
      connect: async (user): Promise<ContractSubscriber> => {
        if (user !== null) cluster.authenticator.users.set(user.userId, user);
        const socket = await cluster.b.connect(user === null ? {} : { token: user.userId });
        open++;
        const received = collectMessages(socket);
        return {
          subscribe: async (channel) => {
            const ack = await request(socket, "realtime:subscribe", { channel });
            return ack.ok ? { ok: true } : { ok: false, code: ack.error.code };
          },
          unsubscribe: async (channel) => {
            const ack = await request(socket, "realtime:unsubscribe", { channel });
            if (!ack.ok) throw new Error(`unsubscribe ${channel} failed: ${ack.error.code}`);
          },
          received: () => received,
          waitFor: async (count) => {
            await waitUntil(() => received.length >= count);
            return received;
          },
          close: async () => {
            socket.disconnect();
            open--;
            await waitUntil(() => cluster.b.server.connectedSockets() <= open);
          },
        };
      },
      close: () => cluster.close(),
    };
  };
}
