import type { RedisClientType } from "redis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeBroadcasterContract, waitUntil } from "../__tests__/broadcaster-contract";
import { createRedisContractHarness, startRedisCluster } from "../__tests__/redis-cluster-harness";
import type { RedisCluster } from "../__tests__/redis-cluster-harness";
import { describeWithRedis, probeRedis, startSwitchableProxy, testRedisKeyspace } from "@repo/core-testing-redis";
import { contractChannels, roomChannel } from "../__tests__/realtime-test-channels";
import { collectMessages, request } from "../__tests__/socket-io-harness";
import type { RealtimeTestClient } from "../__tests__/socket-io-harness";
import { createRealtimeClient } from "../client/create-realtime-client";
// A raw client: the test checks Socket.IO's own recovery (socket id, `recovered`), which the SDK hides.
import { io } from "socket.io-client";
import { memoryPositionStore } from "../client/position-store";
import { RedisPresenceStore } from "../presence/redis-presence-store";
import { REALTIME_PROTOCOL_VERSION } from "../protocol/wire-protocol";
import type { PresenceUpdate, RealtimeMessage } from "../protocol/wire-protocol";

const available = await probeRedis();


describeWithRedis(available)("two instances sharing one Redis", () => {
  const keyspace = testRedisKeyspace("cluster");
  let redis: RedisClientType;
  beforeAll(async () => {
    redis = await keyspace.client();
  });
  afterAll(() => keyspace.dispose());

  describeBroadcasterContract(
    "SocketIORealtimeBroadcaster over the Redis Streams adapter (publish on A, subscribe on B)",
    createRedisContractHarness(() => redis, () => keyspace.prefix),
  );

  describe("history, ordering and presence across instances", () => {
    let cluster: RedisCluster;
    afterEach(async () => {
      await cluster.close();
    });

    const signedIn = async (on: RedisCluster["a"], userId: string): Promise<RealtimeTestClient> => {
      cluster.authenticator.users.set(userId, { userId, roles: [] });
      return on.connect({ token: userId });
    };

    it("replays exactly the messages missed while away when the client comes back on the other instance", async () => {
      cluster = await startRedisCluster(redis, keyspace.prefix);
      cluster.authenticator.users.set("alice", { userId: "alice", roles: [] });
      // One position store, as one tab's sessionStorage across a reconnect to another instance.
      const positions = memoryPositionStore();
      const onA = createRealtimeClient({ url: cluster.a.url, transports: ["websocket"], getToken: () => "alice", positionStore: positions });
      const firstVisit: number[] = [];
      await new Promise<void>((resolve) =>
        onA.subscribe(roomChannel, { roomId: "r1" }, (payload) => firstVisit.push(payload.n), { onSubscribed: resolve }),
      );
      await cluster.b.broadcaster.broadcast(roomChannel, { roomId: "r1" }, { n: 1 });
      await waitUntil(() => firstVisit.length === 1);
      onA.close();

      for (let n = 2; n <= 6; n++) await cluster.b.broadcaster.broadcast(roomChannel, { roomId: "r1" }, { n });
      const onB = createRealtimeClient({ url: cluster.b.url, transports: ["websocket"], getToken: () => "alice", positionStore: positions });
      const secondVisit: number[] = [];
      const recovered = new Promise<boolean>((resolve) =>
        onB.subscribe(roomChannel, { roomId: "r1" }, (payload) => secondVisit.push(payload.n), { onRecovered: resolve }),
      );
      expect(await recovered).toBe(true);
      await cluster.a.broadcaster.broadcast(roomChannel, { roomId: "r1" }, { n: 7 });
      await waitUntil(() => secondVisit.length >= 6);
      expect(secondVisit).toEqual([2, 3, 4, 5, 6, 7]);
      onB.close();
    });

    it("writes the replay before the ack and answers recovered: false for another epoch", async () => {
      cluster = await startRedisCluster(redis, keyspace.prefix);
      const bob = await signedIn(cluster.a, "bob");
      const start = await request(bob, "realtime:subscribe", { channel: "room.wire" });
      if (!start.ok || start.seq === undefined || start.epoch === undefined) throw new Error("subscribe ack without a position");
      const since = start.seq;
      for (let n = 1; n <= 3; n++) await cluster.b.broadcaster.broadcast(roomChannel, { roomId: "wire" }, { n });
      const again = await signedIn(cluster.b, "bob");
      const received = collectMessages(again);
      const ack = await request(again, "realtime:subscribe", { channel: "room.wire", since: start.seq, epoch: start.epoch });
      expect(ack).toMatchObject({ ok: true, recovered: true, seq: since + 3, epoch: start.epoch });
      // Live copies may come too (published around the join); every replayed seq is there by the ack.
      expect(new Set(received.map((m) => m.seq))).toEqual(new Set([1, 2, 3].map((n) => since + n)));
      const other = await request(again, "realtime:subscribe", { channel: "room.wire", since: 1, epoch: "not-this-epoch" });
      expect(other).toMatchObject({ ok: true, recovered: false, seq: since + 3, epoch: start.epoch });
    });

    it("gives every subscriber each seq once and, through the SDK, strictly in order while both instances publish", async () => {
      cluster = await startRedisCluster(redis, keyspace.prefix);
      const raw = await signedIn(cluster.a, "bob");
      const rawMessages = collectMessages(raw);
      await request(raw, "realtime:subscribe", { channel: "room.race" });
      const sdk = createRealtimeClient({ url: cluster.b.url, transports: ["websocket"], getToken: () => "bob", positionStore: memoryPositionStore() });
      const delivered: RealtimeMessage[] = [];
      await new Promise<void>((resolve) => sdk.subscribe(roomChannel, { roomId: "race" }, (_p, m) => delivered.push(m), { onSubscribed: resolve }));

      const perInstance = 25;
      await Promise.all(
        Array.from({ length: perInstance * 2 }, (_, i) =>
          (i % 2 === 0 ? cluster.a : cluster.b).broadcaster.broadcast(roomChannel, { roomId: "race" }, { n: i }),
        ),
      );
      await waitUntil(() => rawMessages.length >= perInstance * 2 && delivered.length >= perInstance * 2).catch((error: unknown) => {
        throw new Error(`raw ${rawMessages.length}, sdk ${delivered.length}: ${delivered.map((m) => m.seq).join(",")}`, { cause: error });
      });
      const expected = Array.from({ length: perInstance * 2 }, (_, i) => i + 1);
      expect([...rawMessages.map((m) => m.seq)].sort((x, y) => x - y)).toEqual(expected);
      expect(delivered.map((m) => m.seq)).toEqual(expected);
      sdk.close();
    });

    it("lists members connected to either instance and announces joins and leaves everywhere", async () => {
      cluster = await startRedisCluster(redis, keyspace.prefix);
      const alice = await signedIn(cluster.b, "alice");
      await request(alice, "realtime:subscribe", { channel: "room.p" });
      const bob = await signedIn(cluster.a, "bob");
      const updates: PresenceUpdate[] = [];
      bob.on("realtime:presence-update", (update) => updates.push(update));
      await request(bob, "realtime:subscribe", { channel: "room.p" });
      expect(await request(bob, "realtime:presence", { channel: "room.p" })).toEqual({
        ok: true,
        channel: "room.p",
        members: [
          { userId: "alice", connections: 1 },
          { userId: "bob", connections: 1 },
        ],
      });

      const carol = await signedIn(cluster.b, "carol");
      await request(carol, "realtime:subscribe", { channel: "room.p" });
      await waitUntil(() => updates.some((u) => u.event === "join" && u.userId === "carol"));
      alice.disconnect();
      await waitUntil(() => updates.some((u) => u.event === "leave" && u.userId === "alice"));
      expect(updates.filter((u) => u.userId !== "bob")).toEqual([
        { channel: "room.p", event: "join", userId: "carol" },
        { channel: "room.p", event: "leave", userId: "alice" },
      ]);
    });

    it("expires the members of an instance that stopped renewing them and tells the others", async () => {
      // Lease expiry on one injected clock: the ghost's lease runs out when the test moves it, not
      // after some real milliseconds a loaded machine may spend before the first presence request.
      const clock = { now: Date.now() };
      const now = (): number => clock.now;
      cluster = await startRedisCluster(redis, keyspace.prefix, { presenceTtlMs: 30_000, presenceHeartbeatMs: 100, now });
      const bob = await signedIn(cluster.a, "bob");
      const updates: PresenceUpdate[] = [];
      bob.on("realtime:presence-update", (update) => updates.push(update));
      await request(bob, "realtime:subscribe", { channel: "room.ghost" });
      // A lease from an instance that died right after writing it: nobody will ever renew it.
      const deadInstance = new RedisPresenceStore(redis, { keyPrefix: keyspace.prefix, ttlMs: 10_000, now });
      await deadInstance.touch("room.ghost", [{ userId: "ghost", connectionId: "dead-instance:s1" }]);
      expect(await request(bob, "realtime:presence", { channel: "room.ghost" })).toMatchObject({
        members: [{ userId: "bob" }, { userId: "ghost" }],
      });
      expect(updates.filter((u) => u.userId === "ghost")).toEqual([]); // live leases survive the heartbeats
      clock.now += 10_001; // past the ghost's lease, well inside bob's (renewed every heartbeat for 30 s)
      await waitUntil(() => updates.some((u) => u.event === "leave" && u.userId === "ghost"));
      expect(await request(bob, "realtime:presence", { channel: "room.ghost" })).toMatchObject({ members: [{ userId: "bob" }] });
      expect(updates.filter((u) => u.userId === "ghost")).toEqual([{ channel: "room.ghost", event: "leave", userId: "ghost" }]);
    });

    it("recovers a dropped connection on the other instance: same socket id, channels back, missed packets delivered", async () => {
      cluster = await startRedisCluster(redis, keyspace.prefix);
      const proxy = await startSwitchableProxy(Number(new URL(cluster.a.url).port));
      try {
        const client = io(proxy.url, { transports: ["websocket"], forceNew: true, reconnectionDelay: 20, reconnectionDelayMax: 100, auth: { version: REALTIME_PROTOCOL_VERSION } });
        await new Promise<void>((resolve) => client.once("connect", () => resolve()));
        const received = collectMessages(client);
        await request(client as unknown as RealtimeTestClient, "realtime:subscribe", { channel: "contract.feed" });
        await cluster.b.broadcaster.broadcast(contractChannels.feed, {}, { n: 1 });
        await waitUntil(() => received.length === 1);
        const socketId = client.id;

        proxy.target(null); // the balancer has no healthy backend for a moment
        client.io.engine.close(); // a network drop: A keeps the session for recovery, in Redis
        await waitUntil(() => cluster.a.server.connectedSockets() === 0);
        await cluster.b.broadcaster.broadcast(contractChannels.feed, {}, { n: 2 });
        const reconnected = new Promise<void>((resolve) => client.once("connect", () => resolve()));
        proxy.target(Number(new URL(cluster.b.url).port));
        await reconnected;

        expect(client.recovered).toBe(true);
        expect(client.id).toBe(socketId);
        expect(cluster.b.server.connectedSockets()).toBe(1);
        await waitUntil(() => received.length === 2);
        await cluster.a.broadcaster.broadcast(contractChannels.feed, {}, { n: 3 });
        await waitUntil(() => received.length === 3);
        expect(received.map((m) => m.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
        client.disconnect();
      } finally {
        await proxy.close();
      }
    });

    it("gives members their display name on every instance, and their roles only where the channel's scope is a role", async () => {
      cluster = await startRedisCluster(redis, keyspace.prefix);
      const users = {
        alice: { userId: "u-alice", roles: ["staff"], displayName: "Alice" },
        bob: { userId: "u-bob", roles: ["staff"], displayName: "Bob" },
        carol: { userId: "u-carol", roles: ["staff"], displayName: "Carol" },
      };
      for (const user of Object.values(users)) cluster.authenticator.users.set(user.userId, user);
      const alice = await cluster.b.connect({ token: users.alice.userId });
      const bob = await cluster.a.connect({ token: users.bob.userId });
      const updates: PresenceUpdate[] = [];
      bob.on("realtime:presence-update", (update) => updates.push(update));
      for (const socket of [alice, bob]) {
        for (const channel of ["room.names", "staff.names"]) expect(await request(socket, "realtime:subscribe", { channel })).toMatchObject({ ok: true });
      }

      expect(await request(bob, "realtime:presence", { channel: "room.names" })).toMatchObject({
        members: [
          { userId: "u-alice", connections: 1, displayName: "Alice" },
          { userId: "u-bob", connections: 1, displayName: "Bob" },
        ],
      });
      const onRoom = await request(bob, "realtime:presence", { channel: "room.names" });
      // An "authenticated" channel would tell everyone who holds which role: no roles there.
      expect(JSON.stringify(onRoom)).not.toContain("roles");
      expect(await request(bob, "realtime:presence", { channel: "staff.names" })).toEqual({
        ok: true,
        channel: "staff.names",
        members: [
          { userId: "u-alice", connections: 1, displayName: "Alice", roles: ["staff"] },
          { userId: "u-bob", connections: 1, displayName: "Bob", roles: ["staff"] },
        ],
      });

      // A join announced by the other instance carries the same profile.
      const carol = await cluster.b.connect({ token: users.carol.userId });
      await request(carol, "realtime:subscribe", { channel: "room.names" });
      await request(carol, "realtime:subscribe", { channel: "staff.names" });
      await waitUntil(() => updates.filter((u) => u.userId === "u-carol").length === 2);
      expect(updates.filter((u) => u.userId === "u-carol")).toEqual(
        expect.arrayContaining([
          { channel: "room.names", event: "join", userId: "u-carol", displayName: "Carol" },
          { channel: "staff.names", event: "join", userId: "u-carol", displayName: "Carol", roles: ["staff"] },
        ]),
      );
      carol.disconnect();
      await waitUntil(() => updates.some((u) => u.userId === "u-carol" && u.event === "leave"));
      // A leave names the user only: nothing of the profile.
      expect(updates.find((u) => u.event === "leave")).toMatchObject({ event: "leave", userId: "u-carol" });
      expect(Object.keys(updates.find((u) => u.event === "leave") ?? {}).sort()).toEqual(["channel", "event", "userId"]);
    });

    it("gives the SDK the member list and the join/leave events", async () => {
      cluster = await startRedisCluster(redis, keyspace.prefix);
      cluster.authenticator.users.set("dave", { userId: "dave", roles: [] });
      const client = createRealtimeClient({ url: cluster.a.url, transports: ["websocket"], getToken: () => "dave", positionStore: memoryPositionStore() });
      const updates: PresenceUpdate[] = [];
      await new Promise<void>((resolve) =>
        client.subscribe(roomChannel, { roomId: "sdk" }, () => undefined, { onSubscribed: resolve, onPresence: (u) => updates.push(u) }),
      );
      const erin = await signedIn(cluster.b, "erin");
      await request(erin, "realtime:subscribe", { channel: "room.sdk" });
      await waitUntil(() => updates.some((u) => u.userId === "erin" && u.event === "join"));
      expect(await client.presence(roomChannel, { roomId: "sdk" })).toEqual([
        { userId: "dave", connections: 1 },
        { userId: "erin", connections: 1 },
      ]);
      await expect(client.presence(roomChannel, { roomId: "elsewhere" })).rejects.toMatchObject({ code: "NOT_SUBSCRIBED" });
      client.close();
    });

    it("answers presence only to subscribers of presence channels", async () => {
      cluster = await startRedisCluster(redis, keyspace.prefix);
      const bob = await signedIn(cluster.a, "bob");
      expect(await request(bob, "realtime:presence", { channel: "room.x" })).toMatchObject({ ok: false, error: { code: "NOT_SUBSCRIBED" } });
      await request(bob, "realtime:subscribe", { channel: "contract.feed" });
      expect(await request(bob, "realtime:presence", { channel: "contract.feed" })).toMatchObject({ ok: false, error: { code: "NO_PRESENCE" } });
      expect(await request(bob, "realtime:presence", { nope: true })).toMatchObject({ ok: false, error: { code: "INVALID_FRAME" } });
    });
  });
});
