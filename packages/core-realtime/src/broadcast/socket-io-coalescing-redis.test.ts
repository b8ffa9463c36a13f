import type { RedisClientType } from "redis";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import { waitUntil } from "../__tests__/broadcaster-contract";
import { startRedisCluster } from "../__tests__/redis-cluster-harness";
import type { RedisCluster } from "../__tests__/redis-cluster-harness";
import { tickerChannel } from "../__tests__/realtime-test-channels";
import { request } from "../__tests__/socket-io-harness";
import { createRealtimeClient } from "../client/create-realtime-client";
import { memoryPositionStore } from "../client/position-store";
import type { RealtimeClient } from "../client/realtime-client";
import type { RealtimeMessageBatch } from "../protocol/wire-protocol";

const available = await probeRedis();
/** Real sockets and Redis on a loaded machine: a bound for conditions that never hold. */
const WAIT_MS = 30_000;

describeWithRedis(available)("coalescing across two instances sharing one Redis", () => {
  const keyspace = testRedisKeyspace("coalesce");
  let redis: RedisClientType;
  let cluster: RedisCluster;
  const clients: RealtimeClient[] = [];
  beforeAll(async () => {
    redis = await keyspace.client();
  });
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.close());
    await cluster.close();
  });
  afterAll(() => keyspace.dispose());

  it("a frame coalesced on A reaches subscribers on B as one frame, through the adapter", async () => {
    cluster = await startRedisCluster(redis, keyspace.prefix);
    const onB = await cluster.b.connect();
    const batches: RealtimeMessageBatch[] = [];
    const singles: unknown[] = [];
    onB.on("realtime:message-batch", (batch) => batches.push(batch));
    onB.on("realtime:message", (message) => singles.push(message));
    expect(await request(onB, "realtime:subscribe", { channel: "ticker.eur" })).toMatchObject({ ok: true });

    const receipts = await Promise.all([1, 2, 3, 4, 5].map((n) => cluster.a.broadcaster.broadcast(tickerChannel, { market: "eur" }, { n })));
    await waitUntil(() => batches.length === 1, WAIT_MS);
    expect(batches[0]!.messages.map((m) => [m.seq, m.id, m.payload])).toEqual(receipts.map((r, i) => [r.seq, r.messageId, { n: i + 1 }]));
    expect(singles).toEqual([]);
  });

  it("the SDK on B gets every message once, in seq order, while both instances publish coalesced frames", async () => {
    cluster = await startRedisCluster(redis, keyspace.prefix);
    const client = createRealtimeClient({ url: cluster.b.url, transports: ["websocket"], positionStore: memoryPositionStore() });
    clients.push(client);
    const seqs: number[] = [];
    let subscribed = false;
    client.subscribe(tickerChannel, { market: "usd" }, (_payload, message) => seqs.push(message.seq), { onSubscribed: () => (subscribed = true) });
    await waitUntil(() => subscribed, WAIT_MS);

    const publish = (instance: RedisCluster["a"], from: string, count: number) =>
      Promise.all(Array.from({ length: count }, (_, n) => instance.broadcaster.broadcast(tickerChannel, { market: "usd" }, { n, from })));
    await Promise.all([publish(cluster.a, "a", 12), publish(cluster.b, "b", 9)]);
    await waitUntil(() => seqs.length === 21, WAIT_MS);
    expect(seqs).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });
});
