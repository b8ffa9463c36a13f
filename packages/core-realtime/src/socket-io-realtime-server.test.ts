import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { waitUntil } from "./__tests__/broadcaster-contract";
import { contractChannels, createTestRegistry, inboxChannel } from "./__tests__/realtime-test-channels";
import type { LabCalls } from "./__tests__/realtime-test-channels";
import { collectMessages, connectClient, dropTransport, reconnect, request, startSocketIOTestServer } from "./__tests__/socket-io-harness";
import type { RealtimeTestClient, SocketIOTestServer, SocketIOTestServerOptions } from "./__tests__/socket-io-harness";
import type { ForcedUnsubscribe, RealtimeStatusEvent } from "./protocol/wire-protocol";

describe("SocketIORealtimeServer lifecycle", () => {
  let t: SocketIOTestServer;
  let calls: LabCalls;
  const start = async (options: SocketIOTestServerOptions = {}): Promise<SocketIOTestServer> => {
    const test = createTestRegistry();
    calls = test.calls;
    t = await startSocketIOTestServer({ registry: test.registry, ...options });
    t.authenticator.users.set("alice-s1", { userId: "alice", roles: ["admin"], sessionId: "s1" });
    t.authenticator.users.set("alice-s2", { userId: "alice", roles: ["admin"], sessionId: "s2" });
    t.authenticator.users.set("bob", { userId: "bob", roles: [] });
    return t;
  };
  afterEach(async () => {
    await t.close();
  });

  const subscribe = async (client: RealtimeTestClient, channel: string): Promise<void> => {
    const ack = await request(client, "realtime:subscribe", { channel });
    if (!ack.ok) throw new Error(`subscribe ${channel}: ${ack.error.code}`);
  };
  const disconnected = (client: RealtimeTestClient): Promise<string> =>
    new Promise((resolve) => client.once("disconnect", (reason) => resolve(reason)));

  it("disconnectSession closes exactly that session's sockets", async () => {
    await start();
    const [s1a, s1b, s2, bob] = [
      await t.connect({ token: "alice-s1" }),
      await t.connect({ token: "alice-s1" }),
      await t.connect({ token: "alice-s2" }),
      await t.connect({ token: "bob" }),
    ];
    const gone = Promise.all([disconnected(s1a), disconnected(s1b)]);
    await t.server.disconnectSession("s1", "logout");
    expect(await gone).toEqual(["io server disconnect", "io server disconnect"]);
    await subscribe(s2, "contract.feed");
    await subscribe(bob, "contract.feed");
    await waitUntil(() => t.server.connectedSockets() === 2);
  });

  it("reauthenticateUser drops subscriptions the user may no longer read and tells the client", async () => {
    await start();
    const alice = await t.connect({ token: "alice-s1" });
    const notices: ForcedUnsubscribe[] = [];
    alice.on("realtime:unsubscribed", (notice) => notices.push(notice));
    const received = collectMessages(alice);
    await subscribe(alice, "contract.admin");
    await subscribe(alice, "contract.members");

    t.authenticator.users.set("alice-s1", { userId: "alice", roles: [], sessionId: "s1" });
    await t.server.reauthenticateUser("alice");
    await waitUntil(() => notices.length === 1);
    expect(notices[0]).toEqual({ channel: "contract.admin", error: { code: "FORBIDDEN", message: 'Requires role "admin"' } });

    await t.broadcaster.broadcast(contractChannels.admin, {}, { n: 1 });
    await t.broadcaster.broadcast(contractChannels.members, {}, { n: 2 });
    await waitUntil(() => received.length >= 1);
    expect(received.map((m) => m.channel)).toEqual(["contract.members"]);
    expect(t.metrics.snapshot().subscriptionsByTemplate).toEqual({ "contract.admin": 0, "contract.members": 1 });
    // And a fresh subscribe is refused with the new roles.
    const ack = await request(alice, "realtime:subscribe", { channel: "contract.admin" });
    expect(ack).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("reauthenticateUser disconnects sockets whose credentials were revoked, and only those", async () => {
    await start();
    const [s1, s2] = [await t.connect({ token: "alice-s1" }), await t.connect({ token: "alice-s2" })];
    t.authenticator.users.delete("alice-s1");
    const gone = disconnected(s1);
    await t.server.reauthenticateUser("alice");
    expect(await gone).toBe("io server disconnect");
    await subscribe(s2, "contract.members");
  });

  it("keeps sockets when the authenticator itself fails during re-authentication (logged)", async () => {
    await start();
    const alice = await t.connect({ token: "alice-s1" });
    t.authenticator.failure = new Error("session store down");
    await t.server.reauthenticateUser("alice");
    expect(t.logs.entriesAt(40).map((e) => e.msg)).toEqual(["realtime_reauthenticate_failed"]);
    t.authenticator.failure = undefined;
    await subscribe(alice, "contract.members");
  });

  it("re-checks credentials periodically and disconnects at expiry", async () => {
    // The sweep runs on real timers; the expiry is the injected clock's, so it comes when the test says.
    const clock = { now: 1_000_000 };
    await start({ limits: { reauthIntervalMs: 30 }, now: () => clock.now });
    t.authenticator.users.set("short", { userId: "carol", roles: [], expiresAt: clock.now + 1_000 });
    const carol = await t.connect({ token: "short" });
    const anonymous = await t.connect();
    const gone = disconnected(carol);
    const seenBefore = t.authenticator.seen.length;
    await waitUntil(() => t.authenticator.seen.length > seenBefore); // re-asked by a sweep, and kept
    expect(carol.connected).toBe(true);
    clock.now += 1_000;
    expect(await gone).toBe("io server disconnect");
    expect(t.logs.entries().some((entry) => entry.msg === "realtime_socket_deauthenticated" && entry.reason === "session_expired")).toBe(true);
    expect(anonymous.connected).toBe(true);
  });

  it("tracks presence on one instance: members by user, join and leave when the first and last connection come and go", async () => {
    await start();
    const bob = await t.connect({ token: "bob" });
    const updates: unknown[] = [];
    bob.on("realtime:presence-update", (update) => updates.push(update));
    await subscribe(bob, "room.solo");
    const aliceTabs = [await t.connect({ token: "alice-s1" }), await t.connect({ token: "alice-s2" })];
    for (const tab of aliceTabs) await subscribe(tab, "room.solo");
    expect(await request(bob, "realtime:presence", { channel: "room.solo" })).toEqual({
      ok: true,
      channel: "room.solo",
      members: [
        { userId: "alice", connections: 2 },
        { userId: "bob", connections: 1 },
      ],
    });
    await request(aliceTabs[0]!, "realtime:unsubscribe", { channel: "room.solo" });
    aliceTabs[1]!.disconnect();
    await waitUntil(() => updates.length === 3);
    expect(updates).toEqual([
      { channel: "room.solo", event: "join", userId: "bob" },
      { channel: "room.solo", event: "join", userId: "alice" },
      { channel: "room.solo", event: "leave", userId: "alice" },
    ]);
  });

  it("setHealth tells every connected socket", async () => {
    await start();
    const clients = [await t.connect(), await t.connect({ token: "bob" })];
    const statuses = clients.map((client) => new Promise<RealtimeStatusEvent>((resolve) => client.once("realtime:status", resolve)));
    t.server.setHealth("degraded", "redis unavailable");
    expect(await Promise.all(statuses)).toEqual([
      { state: "degraded", reason: "redis unavailable" },
      { state: "degraded", reason: "redis unavailable" },
    ]);
  });

  it("receives again after a reconnect and resubscribe, and cleans up the old socket", async () => {
    await start();
    const client = await t.connect({ token: "bob" });
    const received = collectMessages(client);
    await subscribe(client, "inbox.bob");
    await t.broadcaster.broadcast(inboxChannel, { userId: "bob" }, { n: 1 });
    await waitUntil(() => received.length === 1);
    client.disconnect();
    await waitUntil(() => t.server.connectedSockets() === 0);
    expect(t.metrics.snapshot()).toMatchObject({ connectedSockets: 0, subscriptionsByTemplate: { "inbox.{userId}": 0 } });

    await connectClient(client);
    await subscribe(client, "inbox.bob");
    await t.broadcaster.broadcast(inboxChannel, { userId: "bob" }, { n: 2 });
    await waitUntil(() => received.length === 2);
    expect(received.map((m) => m.payload)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(t.metrics.snapshot()).toMatchObject({ connectedSockets: 1, subscriptionsByTemplate: { "inbox.{userId}": 1 } });
  });

  it("restores subscriptions after connection-state recovery, re-running the gates", async () => {
    await start({ connectionStateRecovery: { maxDisconnectionDurationMs: 10_000 } });
    const client = await t.connect({ token: "bob" });
    const received = collectMessages(client);
    await subscribe(client, "inbox.bob");
    // Socket.IO recovers from the offset of the last broadcast the client saw.
    await t.broadcaster.broadcast(inboxChannel, { userId: "bob" }, { n: 1 });
    await waitUntil(() => received.length === 1);
    dropTransport(client); // a network drop: recoverable
    await waitUntil(() => t.server.connectedSockets() === 0);
    await t.broadcaster.broadcast(inboxChannel, { userId: "bob" }, { n: 2 }); // missed while away
    await reconnect(client);
    expect(client.recovered).toBe(true);
    await t.broadcaster.broadcast(inboxChannel, { userId: "bob" }, { n: 3 });
    await waitUntil(() => received.length === 3);
    expect(received.map((m) => m.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(t.metrics.snapshot().subscriptionsByTemplate).toEqual({ "inbox.{userId}": 1 });
    expect(t.authenticator.seen).toHaveLength(2); // middleware ran again on recovery
  });

  it("drops a recovered subscription the user lost access to while away", async () => {
    await start({ connectionStateRecovery: { maxDisconnectionDurationMs: 10_000 } });
    const alice = await t.connect({ token: "alice-s1" });
    const received = collectMessages(alice);
    const notices: ForcedUnsubscribe[] = [];
    alice.on("realtime:unsubscribed", (notice) => notices.push(notice));
    await subscribe(alice, "contract.admin");
    await t.broadcaster.broadcast(contractChannels.admin, {}, { n: 1 });
    await waitUntil(() => received.length === 1);
    dropTransport(alice);
    await waitUntil(() => t.server.connectedSockets() === 0);
    t.authenticator.users.set("alice-s1", { userId: "alice", roles: [], sessionId: "s1" });
    await reconnect(alice);
    expect(alice.recovered).toBe(true);
    await waitUntil(() => notices.length === 1);
    expect(notices[0]).toMatchObject({ channel: "contract.admin", error: { code: "FORBIDDEN" } });
    await t.broadcaster.broadcast(contractChannels.admin, {}, { n: 2 });
    await subscribe(alice, "contract.feed");
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 3 });
    await waitUntil(() => received.length === 2);
    expect(received.map((m) => m.channel)).toEqual(["contract.admin", "contract.feed"]);
    expect(t.metrics.snapshot().subscriptionsByTemplate).toMatchObject({ "contract.admin": 0 });
  });

  it("close() drains in-flight handlers: the ack arrives before the socket is closed", async () => {
    await start();
    const client = await t.connect({ token: "bob" });
    const events: string[] = [];
    client.on("realtime:status", (status) => events.push(`status:${status.state}`));
    client.on("disconnect", (reason) => events.push(`disconnect:${reason}`));
    const ack = request(client, "realtime:publish", { channel: "lab.r1", payload: { action: "slow", delayMs: 300 } })
      .then((response) => {
        events.push("ack");
        return response;
      });
    await waitUntil(() => calls.invocations.length === 1); // the handler is running
    // A drain bound far above the handler's 300 ms: close() returns as soon as the handler is done.
    await t.server.close({ drainTimeoutMs: 30_000 });
    expect(await ack).toEqual({ ok: true, result: "done" });
    await waitUntil(() => events.length === 3);
    // A transport close (not "io server disconnect"): the client reconnects, to another instance.
    expect(events).toEqual(["status:draining", "ack", "disconnect:transport close"]);

    // The http server belongs to the app: still serving, while new realtime connections are turned away.
    expect(await (await fetch(t.url)).text()).toBe("app");
    await expect(t.connect()).rejects.toThrow();
  });

  it("disconnects a slow consumer without disturbing the others", async () => {
    // The bound sits well above what a healthy reader ever has queued between two checks, even on a
    // loaded machine where this process (server and both clients) is starved of CPU.
    await start({ limits: { maxBufferedMessagesPerSocket: 40, slowConsumerCheckIntervalMs: 20 } });
    const [slow, healthy] = [await t.connect(), await t.connect()];
    const healthyReceived = collectMessages(healthy);
    await subscribe(slow, "contract.feed");
    await subscribe(healthy, "contract.feed");
    // Stop reading on the slow client's TCP socket: its kernel buffers fill, then the engine write buffer grows.
    const transport = slow.io.engine.transport as unknown as { ws: { _socket: { pause(): void; destroy(): void } } };
    transport.ws._socket.pause();
    const big = randomBytes(32 * 1024).toString("base64");
    let sent = 0;
    // Bounded by time, not count: how much the kernel buffers absorbs varies with machine load.
    const deadline = Date.now() + 15_000;
    while (t.metrics.snapshot().slowConsumerDisconnectsTotal === 0 && Date.now() < deadline) {
      await t.broadcaster.broadcast(contractChannels.feed, {}, { n: sent++, tags: [big] });
      // Small bursts, then yield: the healthy client (same event loop) drains between them.
      if (sent % 4 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await waitUntil(() => t.server.connectedSockets() === 1);
    expect(t.metrics.snapshot().slowConsumerDisconnectsTotal).toBe(1);
    expect(t.logs.entriesAt(40).map((e) => e.msg)).toContain("realtime_slow_consumer_disconnected");
    await waitUntil(() => healthyReceived.length === sent);
    expect(healthy.connected).toBe(true);
    transport.ws._socket.destroy(); // it would otherwise wait out the WebSocket close timeout
  }, 45_000);
});
