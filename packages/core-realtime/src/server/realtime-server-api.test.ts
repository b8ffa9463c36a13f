import type { RedisClientType } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import { waitUntil } from "../__tests__/broadcaster-contract";
import { startRedisCluster } from "../__tests__/redis-cluster-harness";
import type { RedisCluster } from "../__tests__/redis-cluster-harness";
import { createTestRegistry } from "../__tests__/realtime-test-channels";
import { collectMessages, request, startSocketIOTestServer } from "../__tests__/socket-io-harness";
import type { RealtimeTestClient, SocketIOTestServer } from "../__tests__/socket-io-harness";

const available = await probeRedis();

/** The error code of a refused ack, or "ok". */
const codeOf = (ack: { ok: true } | { ok: false; error: { code: string } }): string => (ack.ok ? "ok" : ack.error.code);

describe("RealtimeServerApi on one instance", () => {
  let t: SocketIOTestServer;
  let alice: RealtimeTestClient;
  beforeAll(async () => {
    t = await startSocketIOTestServer({ registry: createTestRegistry().registry });
    // The app allows its API key ids at start; each publishes as `server-api:<key id>`.
    t.server.serverApi.allowCallers(["key-a", "key-b"]);
    t.authenticator.users.set("alice", { userId: "alice", roles: [] });
    alice = await t.connect({ token: "alice" });
    expect((await request(alice, "realtime:subscribe", { channel: "room.r1" })).ok).toBe(true);
  });
  afterAll(() => t.close());

  it("publishes through gate 4: subscribers get the envelope, the answer carries its seq and epoch", async () => {
    const received = collectMessages(alice);
    const ack = await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 1 }], callerId: "key-a" });
    expect(ack).toEqual({ ok: true, seq: expect.any(Number) as number, epoch: expect.any(String) as string });
    await waitUntil(() => received.length === 1);
    expect(received[0]).toMatchObject({ channel: "room.r1", payload: { n: 1 } });
    if (ack.ok) expect(received[0]).toMatchObject({ seq: ack.seq, epoch: ack.epoch });
  });

  it.each([
    ["an unknown channel", { channel: "nope.x", payloads: [{ n: 1 }] }, "UNKNOWN_CHANNEL"],
    ["params that do not fit the template", { channel: "inbox.", payloads: [{ n: 1 }] }, "INVALID_PARAMS"],
    ["a payload the schema refuses", { channel: "room.r1", payloads: [{ n: "one" }] }, "INVALID_PAYLOAD"],
    ["an empty batch", { channel: "room.r1", payloads: [] }, "INVALID_PAYLOAD"],
  ])("refuses %s with the wire's code and sends nothing", async (_what, request, code) => {
    const received = collectMessages(alice);
    expect(codeOf(await t.server.serverApi.publish({ ...request, callerId: "key-a" }))).toBe(code);
    // A later publish arrives first: nothing from the refused one was queued ahead of it.
    await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 99 }], callerId: "key-a" });
    await waitUntil(() => received.length >= 1);
    expect(received.map((message) => message.payload)).toEqual([{ n: 99 }]);
  });

  it("refuses a caller that was not allowed with UNAUTHORIZED_SOURCE, and publishes as server-api:<key id> otherwise", async () => {
    const received = collectMessages(alice);
    expect(codeOf(await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 1 }], callerId: "key-unknown" }))).toBe("UNAUTHORIZED_SOURCE");
    const before = t.metrics.snapshot().messagesDeliveredBySource["server-api:key-b"] ?? 0;
    await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 2 }], callerId: "key-b" });
    await waitUntil(() => received.length >= 1);
    expect(received.map((message) => message.payload)).toEqual([{ n: 2 }]);
    expect(t.metrics.snapshot().messagesDeliveredBySource["server-api:key-b"]).toBe(before + 1);
    expect(t.metrics.snapshot().messagesDeliveredBySource["server-api:key-unknown"]).toBeUndefined();
  });

  it("sends a batch whole, in order, with consecutive seq, or refuses it whole", async () => {
    const received = collectMessages(alice);
    expect(codeOf(await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 1 }, { n: "bad" }], callerId: "key-a" }))).toBe(
      "INVALID_PAYLOAD",
    );
    const ack = await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 1 }, { n: 2 }, { n: 3 }], callerId: "key-a" });
    await waitUntil(() => received.length === 3);
    expect(received.map((message) => message.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const seqs = received.map((message) => message.seq);
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
    expect(ack).toMatchObject({ ok: true, seq: seqs[2] });
  });

  it("runs a replayed idempotency key once and answers the first outcome, per caller", async () => {
    const received = collectMessages(alice);
    const first = await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 7 }], idempotencyKey: "k1", callerId: "key-a" });
    const again = await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 7 }], idempotencyKey: "k1", callerId: "key-a" });
    expect(again).toEqual({ ...first, duplicate: true });
    // Another caller's key space is its own.
    const other = await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 7 }], idempotencyKey: "k1", callerId: "key-b" });
    expect(other).toMatchObject({ ok: true });
    expect(other).not.toHaveProperty("duplicate");
    await waitUntil(() => received.length === 2);
    expect(received).toHaveLength(2);
  });

  it("reads history since a seq, matching what the socket saw", async () => {
    const received = collectMessages(alice);
    const start = await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 10 }], callerId: "key-a" });
    await t.server.serverApi.publish({ channel: "room.r1", payloads: [{ n: 11 }, { n: 12 }], callerId: "key-a" });
    await waitUntil(() => received.length === 3);
    if (!start.ok) throw new Error("publish refused");
    const history = await t.server.serverApi.history("room.r1", start.seq, start.epoch);
    expect(history).toMatchObject({ ok: true, recovered: true, epoch: start.epoch });
    if (history.ok) expect(history.messages).toEqual(received.slice(1));
    // Another epoch: the caller's position means nothing here.
    expect(await t.server.serverApi.history("room.r1", start.seq, "another-epoch")).toMatchObject({ ok: true, recovered: false, messages: [] });
    expect(codeOf(await t.server.serverApi.history("nope.x", 0, undefined))).toBe("UNKNOWN_CHANNEL");
  });

  it("answers presence for presence channels and lists occupied channels with subscriber counts", async () => {
    expect(await t.server.serverApi.presence("room.r1")).toEqual({ ok: true, channel: "room.r1", members: [{ userId: "alice", connections: 1 }] });
    expect(codeOf(await t.server.serverApi.presence("contract.feed"))).toBe("NO_PRESENCE");
    expect(await t.server.serverApi.channels()).toEqual({ ok: true, channels: [{ channel: "room.r1", subscribers: 1 }] });
  });
});

describeWithRedis(available)("RealtimeServerApi across two instances sharing Redis", () => {
  const keyspace = testRedisKeyspace("server-api");
  let redis: RedisClientType;
  let cluster: RedisCluster;
  beforeAll(async () => {
    redis = await keyspace.client();
  });
  afterEach(() => cluster.close());
  afterAll(() => keyspace.dispose());

  it("counts every instance's subscribers, and a publish on A reaches subscribers on B in order", async () => {
    cluster = await startRedisCluster(redis, keyspace.prefix);
    for (const instance of [cluster.a, cluster.b]) instance.server.serverApi.allowCallers(["key-a"]);
    cluster.authenticator.users.set("alice", { userId: "alice", roles: [] });
    cluster.authenticator.users.set("bob", { userId: "bob", roles: [] });
    const onA = await cluster.a.connect({ token: "alice" });
    const onB = await cluster.b.connect({ token: "bob" });
    for (const client of [onA, onB]) expect((await request(client, "realtime:subscribe", { channel: "room.shared" })).ok).toBe(true);
    expect((await request(onB, "realtime:subscribe", { channel: "room.b-only" })).ok).toBe(true);

    expect(await cluster.a.server.serverApi.channels()).toEqual({
      ok: true,
      channels: [
        { channel: "room.b-only", subscribers: 1 },
        { channel: "room.shared", subscribers: 2 },
      ],
    });

    const received = collectMessages(onB);
    const ack = await cluster.a.server.serverApi.publish({ channel: "room.shared", payloads: [{ n: 1 }, { n: 2 }], callerId: "key-a" });
    await waitUntil(() => received.length === 2);
    expect(received.map((message) => message.payload)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(ack).toMatchObject({ ok: true, seq: received[1]!.seq });
    const history = await cluster.b.server.serverApi.history("room.shared", 0, received[0]!.epoch);
    expect(history).toMatchObject({ ok: true, recovered: true });
    if (history.ok) expect(history.messages).toEqual(received);
  });

  it("runs an idempotency key replayed on the other instance once", async () => {
    cluster = await startRedisCluster(redis, keyspace.prefix);
    for (const instance of [cluster.a, cluster.b]) instance.server.serverApi.allowCallers(["key-a"]);
    cluster.authenticator.users.set("bob", { userId: "bob", roles: [] });
    const onB = await cluster.b.connect({ token: "bob" });
    expect((await request(onB, "realtime:subscribe", { channel: "room.once" })).ok).toBe(true);
    const received = collectMessages(onB);
    const first = await cluster.a.server.serverApi.publish({ channel: "room.once", payloads: [{ n: 1 }], idempotencyKey: "retry-1", callerId: "key-a" });
    const retried = await cluster.b.server.serverApi.publish({ channel: "room.once", payloads: [{ n: 1 }], idempotencyKey: "retry-1", callerId: "key-a" });
    expect(retried).toEqual({ ...first, duplicate: true });
    await cluster.a.server.serverApi.publish({ channel: "room.once", payloads: [{ n: 2 }], callerId: "key-a" });
    await waitUntil(() => received.some((message) => (message.payload as { n: number }).n === 2));
    expect(received.map((message) => message.payload)).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
