import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeClient, memoryPositionStore } from "@repo/core-realtime/client";
import type { RealtimeClient } from "@repo/core-realtime/client";
import type { PresenceUpdate } from "@repo/core-realtime";
import { spawnAppInstance } from "./__tests__/app-instance";
import type { AppInstance } from "./__tests__/app-instance";
import { connectSocket } from "./__tests__/realtime-test-client";
import type { RecordingSocket } from "./__tests__/realtime-test-client";
import { probeRedis, startSwitchableProxy, TEST_REDIS_URL } from "@repo/core-testing-redis";
import type { SwitchableProxy } from "@repo/core-testing-redis";
import { testRoomChannel } from "./__tests__/test-room.channel";
import { signIn, waitFor } from "./__tests__/test-server";

const redisAvailable = await probeRedis();

/** What an SDK subscriber handed the app, in order. */
function subscribeRoom(client: RealtimeClient, roomId: string): { readonly seen: number[]; readonly recovered: boolean[]; subscribed: Promise<void> } {
  const seen: number[] = [];
  const recovered: boolean[] = [];
  const subscribed = new Promise<void>((resolve) => {
    client.subscribe(testRoomChannel, { roomId }, (payload) => seen.push(payload.n), {
      onSubscribed: () => resolve(),
      onRecovered: (value) => recovered.push(value),
    });
  });
  return { seen, recovered, subscribed };
}

function presenceUpdates(socket: RecordingSocket): PresenceUpdate[] {
  const updates: PresenceUpdate[] = [];
  socket.socket.on("realtime:presence-update", (update) => updates.push(update));
  return updates;
}

// Two real app processes (tsx, API only) on two ephemeral ports, one Redis, one key prefix per run.
describe.skipIf(!redisAvailable && process.env.CI !== "true")("two app instances sharing one Redis", { timeout: 60_000 }, () => {
  const prefix = `test:multi:${randomUUID()}:`;
  const env = {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    REALTIME_PRESENCE_TTL_MS: "1500",
    REALTIME_PRESENCE_HEARTBEAT_MS: "250",
  };
  let a: AppInstance;
  let b: AppInstance;
  let proxy: SwitchableProxy;
  const clients: RealtimeClient[] = [];
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([spawnAppInstance(env), spawnAppInstance(env)]);
    proxy = await startSwitchableProxy(a.port);
  }, 120_000);

  afterAll(async () => {
    clients.forEach((client) => client.close());
    sockets.forEach((socket) => socket.close());
    await proxy.close();
    await Promise.all([a.kill("SIGTERM"), b.kill("SIGTERM")]);
    const redis = createClient({ url: TEST_REDIS_URL });
    await redis.connect();
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await redis.del(keys);
    redis.destroy();
  });

  const sdk = (url: string, token: string, positionStore = memoryPositionStore()): RealtimeClient => {
    const client = createRealtimeClient({ url, transports: ["websocket"], getToken: () => token, positionStore });
    clients.push(client);
    return client;
  };

  it("signs in on A, connects on B, and delivers what either instance broadcasts to subscribers on both", async () => {
    const alice = await signIn(a.url, "alice", "alice-password");
    const bob = await signIn(b.url, "bob", "bob-password");
    const aliceOnB = await connectSocket(b.url, { cookie: alice.cookie });
    const bobOnA = await connectSocket(a.url, { cookie: bob.cookie });
    sockets.push(aliceOnB, bobOnA);
    expect(await aliceOnB.subscribe("test-room.fanout")).toMatchObject({ ok: true });
    expect(await bobOnA.subscribe("test-room.fanout")).toMatchObject({ ok: true });

    await b.broadcast("fanout", 1);
    await a.broadcast("fanout", 2);
    await waitFor(() => aliceOnB.messages.length === 2 && bobOnA.messages.length === 2, 10_000, "both messages on both instances");
    for (const socket of [aliceOnB, bobOnA]) {
      expect(socket.messages.map((m) => [(m.payload as { n: number }).n, (m.payload as { from: string }).from])).toEqual([
        [1, b.instanceId],
        [2, a.instanceId],
      ]);
      expect(socket.messages[1]!.seq).toBe(socket.messages[0]!.seq + 1);
    }
  });

  it("lists on A a member connected to B, and tells A's subscribers when B's member joins and leaves", async () => {
    const alice = await signIn(a.url, "alice", "alice-password");
    const bob = await signIn(a.url, "bob", "bob-password");
    const bobOnA = await connectSocket(a.url, { cookie: bob.cookie });
    sockets.push(bobOnA);
    const updates = presenceUpdates(bobOnA);
    await bobOnA.subscribe("test-room.lobby");
    const aliceOnB = await connectSocket(b.url, { cookie: alice.cookie });
    await aliceOnB.subscribe("test-room.lobby");
    await waitFor(() => updates.some((u) => u.event === "join" && u.userId === alice.userId), 10_000, "alice's join seen on A");
    const ack: unknown = await bobOnA.socket.timeout(3_000).emitWithAck("realtime:presence", { channel: "test-room.lobby" });
    expect(ack).toEqual({
      ok: true,
      channel: "test-room.lobby",
      members: [
        { userId: alice.userId, connections: 1, displayName: "alice" },
        { userId: bob.userId, connections: 1, displayName: "bob" },
      ].sort((x, y) => x.userId.localeCompare(y.userId)),
    });
    aliceOnB.close();
    await waitFor(() => updates.some((u) => u.event === "leave" && u.userId === alice.userId), 10_000, "alice's leave seen on A");
  });

  it("replays exactly the N messages missed while away when the client comes back on the other instance", async () => {
    const alice = await signIn(a.url, "alice", "alice-password");
    const positions = memoryPositionStore();
    const onA = sdk(a.url, alice.token, positions);
    const first = subscribeRoom(onA, "recovery");
    await first.subscribed;
    await b.broadcast("recovery", 0);
    await waitFor(() => first.seen.length === 1, 10_000, "the first message");
    onA.close();

    const missed = 7;
    for (let n = 1; n <= missed; n++) await a.broadcast("recovery", n);
    const onB = sdk(b.url, alice.token, positions);
    const second = subscribeRoom(onB, "recovery");
    await second.subscribed;
    await waitFor(() => second.seen.length >= missed, 10_000, "the replay");
    expect(second.seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(second.recovered).toEqual([true]);
  });

  it("moves the clients of a killed instance to the other one without losing a message, and expires its members", async () => {
    const alice = await signIn(b.url, "alice", "alice-password");
    const carol = await signIn(b.url, "bob", "bob-password");
    const onProxy = [sdk(proxy.url, alice.token), sdk(proxy.url, alice.token)];
    const rooms = onProxy.map((client) => subscribeRoom(client, "failover"));
    await Promise.all(rooms.map((room) => room.subscribed));
    // bob sits on A only, with no way back: his presence must expire once A is gone.
    const bobOnA = await connectSocket(proxy.url, { cookie: carol.cookie });
    await bobOnA.subscribe("test-room.failover");
    const watcher = await connectSocket(b.url, { cookie: alice.cookie });
    sockets.push(bobOnA, watcher);
    const updates = presenceUpdates(watcher);
    await watcher.subscribe("test-room.failover");

    let n = 0;
    for (; n < 5; n++) await b.broadcast("failover", n);
    await waitFor(() => rooms.every((room) => room.seen.length === 5), 10_000, "messages before the kill");
    proxy.target(b.port);
    expect(await a.kill("SIGKILL")).toBeNull();
    for (; n < 15; n++) await b.broadcast("failover", n);

    await waitFor(() => rooms.every((room) => room.seen.length >= 15), 20_000, "every message after the failover");
    for (const room of rooms) expect(room.seen).toEqual(Array.from({ length: 15 }, (_, i) => i));
    await waitFor(() => updates.some((u) => u.event === "leave" && u.userId === carol.userId), 10_000, "bob's expiry after A died").catch(
      async (error: unknown) => {
        const members: unknown = await watcher.socket.timeout(3_000).emitWithAck("realtime:presence", { channel: "test-room.failover" });
        throw new Error(`updates ${JSON.stringify(updates)} members ${JSON.stringify(members)} bob=${carol.userId}`, { cause: error });
      },
    );
    expect(b.alive()).toBe(true);
  });
});
