import { afterEach, describe, expect, it } from "vitest";
import { waitUntil } from "../__tests__/broadcaster-contract";
import { contractChannels, createTestRegistry, inboxChannel } from "../__tests__/realtime-test-channels";
import {
  request,
  collectMessages,
  rawEmit,
  rawEmitWithAck,
  startSocketIOTestServer,
} from "../__tests__/socket-io-harness";
import type { RealtimeTestClient, SocketIOTestServer, SocketIOTestServerOptions } from "../__tests__/socket-io-harness";
import { InMemoryChannelLog } from "../history/in-memory-channel-log";
import type { SubscribeAck } from "../protocol/wire-protocol";

describe("SocketIORealtimeServer gate 2 (subscribe)", () => {
  let t: SocketIOTestServer;
  const start = async (options: SocketIOTestServerOptions = {}): Promise<SocketIOTestServer> => {
    t = await startSocketIOTestServer({ registry: createTestRegistry().registry, ...options });
    t.authenticator.users.set("alice", { userId: "alice", roles: ["admin"] });
    t.authenticator.users.set("bob", { userId: "bob", roles: [] });
    return t;
  };
  afterEach(async () => {
    await t.close();
  });

  const subscribe = (client: RealtimeTestClient, frame: object): Promise<SubscribeAck> =>
    request(client, "realtime:subscribe", frame);
  const codeOf = async (client: RealtimeTestClient, channel: string): Promise<string> => {
    const ack = await subscribe(client, { channel });
    return ack.ok ? "ok" : ack.error.code;
  };

  it.each([
    ["anonymous", undefined, "contract.feed", "ok"],
    ["anonymous", undefined, "contract.members", "UNAUTHENTICATED"],
    ["anonymous", undefined, "inbox.bob", "UNAUTHENTICATED"],
    ["bob", "bob", "contract.members", "ok"],
    ["bob", "bob", "contract.admin", "FORBIDDEN"],
    ["bob", "bob", "inbox.alice", "FORBIDDEN"],
    ["bob", "bob", "inbox.bob", "ok"],
    ["alice", "alice", "contract.admin", "ok"],
    ["bob", "bob", "contract.nope", "UNKNOWN_CHANNEL"],
    ["bob", "bob", "inbox.bob.extra", "UNKNOWN_CHANNEL"],
    ["bob", "bob", "inbox.__proto__", "INVALID_PARAMS"],
    ["bob", "bob", "inbox.", "INVALID_PARAMS"],
    ["bob", "bob", "inbox.{userId}", "INVALID_PARAMS"],
    ["bob", "bob", "inbox.constructor", "FORBIDDEN"],
  ])("%s subscribing to %s -> %s", async (_who, token, channel, expected) => {
    await start();
    const client = await t.connect(token === undefined ? {} : { token });
    expect(await codeOf(client, channel)).toBe(expected);
  });

  it("acks the concrete channel with where it starts, counts auth refusals by gate, and is idempotent", async () => {
    await start();
    const bob = await t.connect({ token: "bob" });
    const first = await subscribe(bob, { channel: "inbox.bob" });
    expect(first).toEqual({ ok: true, channel: "inbox.bob", seq: 0, epoch: expect.any(String) as string });
    expect(await subscribe(bob, { channel: "inbox.bob" })).toEqual(first);
    await codeOf(bob, "contract.admin");
    const snapshot = t.metrics.snapshot();
    expect(snapshot.subscriptionsByTemplate).toEqual({ "inbox.{userId}": 1 });
    expect(snapshot.authRejectionsByCode).toEqual({ FORBIDDEN: 1 });
    const received = collectMessages(bob);
    await t.broadcaster.broadcast(inboxChannel, { userId: "bob" }, { n: 1 });
    await waitUntil(() => received.length === 1);
  });

  it("never delivers to a refused subscriber (sentinel)", async () => {
    await start();
    const bob = await t.connect({ token: "bob" });
    const received = collectMessages(bob);
    expect(await codeOf(bob, "inbox.alice")).toBe("FORBIDDEN");
    expect(await codeOf(bob, "contract.admin")).toBe("FORBIDDEN");
    expect(await codeOf(bob, "contract.feed")).toBe("ok");
    await t.broadcaster.broadcast(inboxChannel, { userId: "alice" }, { n: 1 });
    await t.broadcaster.broadcast(contractChannels.admin, {}, { n: 2 });
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 3 });
    await waitUntil(() => received.length >= 1);
    expect(received.map((m) => m.channel)).toEqual(["contract.feed"]);
  });

  it("caps subscriptions per socket", async () => {
    await start({ limits: { maxSubscriptionsPerSocket: 2 } });
    const bob = await t.connect({ token: "bob" });
    expect(await codeOf(bob, "contract.feed")).toBe("ok");
    expect(await codeOf(bob, "inbox.bob")).toBe("ok");
    expect(await codeOf(bob, "contract.members")).toBe("TOO_MANY_SUBSCRIPTIONS");
    expect(await codeOf(bob, "contract.feed")).toBe("ok"); // re-subscribing is not a new subscription
  });

  it("unsubscribes, and answers NOT_SUBSCRIBED for a channel it was not in", async () => {
    await start();
    const bob = await t.connect({ token: "bob" });
    const received = collectMessages(bob);
    await subscribe(bob, { channel: "contract.feed" });
    expect(await request(bob, "realtime:unsubscribe", { channel: "contract.feed" })).toEqual({
      ok: true,
      channel: "contract.feed",
    });
    const again = await request(bob, "realtime:unsubscribe", { channel: "contract.feed" });
    expect(again).toMatchObject({ ok: false, error: { code: "NOT_SUBSCRIBED" } });
    await subscribe(bob, { channel: "inbox.bob" });
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 1 });
    await t.broadcaster.broadcast(inboxChannel, { userId: "bob" }, { n: 2 });
    await waitUntil(() => received.length >= 1);
    expect(received.map((m) => m.channel)).toEqual(["inbox.bob"]);
    expect(t.metrics.snapshot().subscriptionsByTemplate).toEqual({ "contract.feed": 0, "inbox.{userId}": 1 });
  });

  describe("replay with since", () => {
    const publish = async (count: number): Promise<void> => {
      for (let n = 1; n <= count; n++) await t.broadcaster.broadcast(inboxChannel, { userId: "bob" }, { n });
    };

    it("replays what was missed, in order, before the ack", async () => {
      await start({ channelLog: new InMemoryChannelLog({ epoch: "e1" }) });
      await publish(3);
      const bob = await t.connect({ token: "bob" });
      const received = collectMessages(bob);
      const ack = await subscribe(bob, { channel: "inbox.bob", since: 1, epoch: "e1" });
      expect(ack).toEqual({ ok: true, channel: "inbox.bob", recovered: true, seq: 3, epoch: "e1" });
      expect(received.map((m) => [m.seq, m.payload])).toEqual([
        [2, { n: 2 }],
        [3, { n: 3 }],
      ]);
    });

    it("says recovered: false when history no longer reaches back (client reloads a snapshot)", async () => {
      await start({ channelLog: new InMemoryChannelLog({ epoch: "e1" }) });
      await publish(8); // history keeps 5
      const bob = await t.connect({ token: "bob" });
      const received = collectMessages(bob);
      expect(await subscribe(bob, { channel: "inbox.bob", since: 1, epoch: "e1" })).toEqual({
        ok: true,
        channel: "inbox.bob",
        recovered: false,
        seq: 8,
        epoch: "e1",
      });
      await t.broadcaster.broadcast(inboxChannel, { userId: "bob" }, { n: 9 });
      await waitUntil(() => received.length === 1);
      expect(received[0]!.seq).toBe(9); // still subscribed live
    });

    it("says recovered: false when the epoch changed", async () => {
      await start({ channelLog: new InMemoryChannelLog({ epoch: "e2" }) });
      await publish(2);
      const bob = await t.connect({ token: "bob" });
      expect(await subscribe(bob, { channel: "inbox.bob", since: 1, epoch: "e1" })).toMatchObject({
        ok: true,
        recovered: false,
        epoch: "e2",
      });
    });

    it("does not replay to a refused subscriber", async () => {
      await start();
      await publish(2);
      const alice = await t.connect({ token: "alice" });
      const received = collectMessages(alice);
      expect(await subscribe(alice, { channel: "inbox.bob", since: 0 })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(received).toEqual([]);
    });
  });

  describe("malformed frames", () => {
    it.each([
      ["a number channel", [{ channel: 42 }]],
      ["an extra key", [{ channel: "contract.feed", admin: true }]],
      ["a null frame", [null]],
      ["a bare string", ["contract.feed"]],
      ["a negative since", [{ channel: "contract.feed", since: -1 }]],
      ["a fractional since", [{ channel: "contract.feed", since: 1.5 }]],
      ["an over-long channel", [{ channel: "a".repeat(300) }]],
      ["no frame at all", []],
      ["an extra argument", [{ channel: "contract.feed" }, "extra"]],
    ])("answers INVALID_FRAME for %s", async (_label, args) => {
      await start();
      const client = await t.connect();
      expect(await rawEmitWithAck(client, "realtime:subscribe", ...args)).toMatchObject({
        ok: false,
        error: { code: "INVALID_FRAME" },
      });
      expect(t.metrics.snapshot().subscriptionsByTemplate).toEqual({});
    });

    it("drops a frame without an ack (debug log) and keeps serving the socket", async () => {
      await start();
      const client = await t.connect();
      rawEmit(client, "realtime:subscribe", { channel: "contract.feed" });
      rawEmit(client, "realtime:publish", null);
      expect(await codeOf(client, "contract.members")).toBe("UNAUTHENTICATED");
      expect(t.logs.entries().filter((e) => e.msg === "realtime_frame_without_ack_dropped")).toHaveLength(2);
      expect(t.metrics.snapshot().subscriptionsByTemplate).toEqual({});
    });

    it("answers INVALID_FRAME for unknown events and drops them without ack", async () => {
      await start();
      const client = await t.connect();
      expect(await rawEmitWithAck(client, "admin:shutdown", {})).toMatchObject({ ok: false, error: { code: "INVALID_FRAME" } });
      expect(await rawEmitWithAck(client, "realtime:presence", { channel: 7 })).toMatchObject({
        ok: false,
        error: { code: "INVALID_FRAME" },
      });
      rawEmit(client, "admin:shutdown");
      expect(await codeOf(client, "contract.feed")).toBe("ok");
      expect(t.logs.entries().filter((e) => e.msg === "realtime_unknown_event_dropped")).toHaveLength(1);
    });
  });
});
