import { afterEach, describe, expect, it } from "vitest";
import { waitUntil } from "../__tests__/broadcaster-contract";
import { createTestRegistry } from "../__tests__/realtime-test-channels";
import type { LabCalls } from "../__tests__/realtime-test-channels";
import { collectMessages, rawEmit, rawEmitWithAck, request, startSocketIOTestServer } from "../__tests__/socket-io-harness";
import type { RealtimeTestClient, SocketIOTestServer, SocketIOTestServerOptions } from "../__tests__/socket-io-harness";
import { InMemoryRateLimitStore } from "../rate-limits/in-memory-rate-limit-store";
import type { RealtimeInboundHandler } from "../handlers/realtime-handler-registry";
import type { PublishAck } from "../protocol/wire-protocol";

describe("SocketIORealtimeServer gate 3 (publish)", () => {
  let t: SocketIOTestServer;
  let calls: LabCalls;
  // The token buckets' clock: it moves only when a test moves it, so no refill depends on how fast the machine is.
  const clock = { now: 1_000_000 };
  const start = async (options: SocketIOTestServerOptions = {}): Promise<SocketIOTestServer> => {
    const test = createTestRegistry();
    calls = test.calls;
    t = await startSocketIOTestServer({ registry: test.registry, ...options });
    t.authenticator.users.set("alice", { userId: "alice", roles: ["admin"] });
    t.authenticator.users.set("bob", { userId: "bob", roles: [] });
    return t;
  };
  afterEach(async () => {
    await t.close();
  });

  const publish = (client: RealtimeTestClient, channel: string, payload: unknown, id?: string): Promise<PublishAck> =>
    request(client, "realtime:publish", id === undefined ? { channel, payload } : { channel, payload, id });

  it("runs the handler with the caller's context and acks its result", async () => {
    await start();
    const bob = await t.connect({ token: "bob" });
    expect(await publish(bob, "lab.r1", { action: "echo", text: "hi" }, "m1")).toEqual({
      ok: true,
      result: { echoed: "hi", userId: "bob", params: { roomId: "r1" } },
    });
    expect(calls.invocations).toEqual([{ channel: "lab.r1", action: "echo", socketId: bob.id, messageId: "m1" }]);
    expect(t.metrics.snapshot().inboundMessagesTotal).toBe(1);
  });

  it("does not require a subscription to publish, only authorization", async () => {
    await start();
    const anonymous = await t.connect();
    expect(await publish(anonymous, "chat.members", { text: "hi" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const bob = await t.connect({ token: "bob" });
    expect(await publish(bob, "chat.members", { text: "hi" })).toEqual({ ok: true, result: { received: "hi" } });
    expect(t.metrics.snapshot().authRejectionsByCode).toEqual({ UNAUTHENTICATED: 1 });
  });

  it.each([
    ["contract.admin", { n: 1 }, "NO_INBOUND_HANDLER"], // even for an admin: only server code broadcasts there
    ["contract.feed", { n: 1 }, "NO_INBOUND_HANDLER"],
    ["lab.nope.x", {}, "UNKNOWN_CHANNEL"],
    ["lab.__proto__", { action: "echo" }, "INVALID_PARAMS"],
    ["lab.r1", { action: "launch" }, "INVALID_PAYLOAD"],
    ["lab.r1", { action: "echo", text: 7 }, "INVALID_PAYLOAD"],
    ["lab.r1", { action: "echo", extra: true }, "INVALID_PAYLOAD"],
    ["lab.r1", null, "INVALID_PAYLOAD"],
  ])("publishing to %s with %j -> %s", async (channel, payload, code) => {
    await start();
    const alice = await t.connect({ token: "alice" });
    expect(await publish(alice, channel, payload)).toMatchObject({ ok: false, error: { code } });
    expect(calls.invocations).toEqual([]);
  });

  it("describes an invalid payload by paths only", async () => {
    await start();
    const bob = await t.connect({ token: "bob" });
    const ack = await publish(bob, "lab.r1", { action: "echo", text: 7, delayMs: "soon" });
    expect(ack).toEqual({
      ok: false,
      error: { code: "INVALID_PAYLOAD", message: 'Invalid payload for "lab.{roomId}" at: text, delayMs' },
    });
  });

  it.each([
    ["a missing channel", [{ payload: {} }]],
    ["an extra key", [{ channel: "lab.r1", payload: {}, admin: true }]],
    ["an over-long id", [{ channel: "lab.r1", payload: { action: "echo" }, id: "x".repeat(65) }]],
    ["a null frame", [null]],
  ])("answers INVALID_FRAME for %s", async (_label, args) => {
    await start();
    const bob = await t.connect({ token: "bob" });
    expect(await rawEmitWithAck(bob, "realtime:publish", ...args)).toMatchObject({ ok: false, error: { code: "INVALID_FRAME" } });
  });

  it("maps a handler crash to a generic INTERNAL ack and logs it with the channel", async () => {
    await start();
    const bob = await t.connect({ token: "bob" });
    const ack = await publish(bob, "lab.r1", { action: "throw" });
    expect(ack).toEqual({ ok: false, error: { code: "INTERNAL", message: "Internal error" } });
    expect(JSON.stringify(ack)).not.toMatch(/exploded|secret|at /);
    const [entry, ...rest] = t.logs.entriesAt(50);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      msg: "realtime_inbound_handler_failed",
      channel: "lab.r1",
      template: "lab.{roomId}",
      socketId: bob.id,
      userId: "bob",
      err: { message: "database exploded at /srv/secret/path" },
    });
    expect(t.metrics.snapshot().inboundHandlerErrorsTotal).toBe(1);
  });

  it("passes a domain RealtimeError code through untouched", async () => {
    await start();
    const bob = await t.connect({ token: "bob" });
    expect(await publish(bob, "lab.r1", { action: "domain-error" })).toEqual({
      ok: false,
      error: { code: "POLL_CLOSED", message: "This poll no longer accepts votes" },
    });
    expect(t.metrics.snapshot().inboundHandlerErrorsTotal).toBe(0);
  });

  it("broadcasts from a handler, leaving the sender out with toOthers", async () => {
    await start();
    const [a, b] = [await t.connect({ token: "alice" }), await t.connect({ token: "bob" })];
    const [aReceived, bReceived] = [collectMessages(a), collectMessages(b)];
    for (const client of [a, b]) await request(client, "realtime:subscribe", { channel: "lab.r1" });
    expect(await publish(a, "lab.r1", { action: "broadcast-others", text: "one" })).toEqual({ ok: true, result: { delivered: 1 } });
    expect(await publish(a, "lab.r1", { action: "broadcast", text: "two" })).toEqual({ ok: true, result: { delivered: 2 } });
    await waitUntil(() => bReceived.length === 2 && aReceived.length === 1);
    expect(aReceived.map((m) => m.payload)).toEqual([{ text: "two", from: "alice" }]);
    expect(bReceived.map((m) => m.payload)).toEqual([
      { text: "one", from: "alice" },
      { text: "two", from: "alice" },
    ]);
  });

  it("a client frame reaches a channel only through its registered handler, which speaks as inbound-handler:<template>", async () => {
    await start();
    const [alice, bob] = [await t.connect({ token: "alice" }), await t.connect({ token: "bob" })];
    const received = collectMessages(bob);
    for (const channel of ["lab.r1", "contract.feed"]) expect((await request(bob, "realtime:subscribe", { channel })).ok).toBe(true);
    const envelope = { channel: "contract.feed", payload: { n: 1 }, seq: 1, epoch: "forged", emittedAt: 0, id: "x" };
    // Raw frames, none through a handler: the server-to-client event, made-up events, an outbound-only channel, a forged source field.
    expect(await rawEmitWithAck(alice, "realtime:message", envelope)).toMatchObject({ ok: false, error: { code: "INVALID_FRAME" } });
    expect(await rawEmitWithAck(alice, "realtime:broadcast", { channel: "contract.feed", payload: { n: 1 } })).toMatchObject({
      ok: false,
      error: { code: "INVALID_FRAME" },
    });
    rawEmit(alice, "realtime:message", envelope);
    expect(await rawEmitWithAck(alice, "realtime:publish", { channel: "contract.feed", payload: { n: 1 } })).toMatchObject({
      ok: false,
      error: { code: "NO_INBOUND_HANDLER" },
    });
    expect(await rawEmitWithAck(alice, "realtime:publish", { channel: "lab.r1", payload: { action: "broadcast", text: "x" }, source: "server-api:key-a" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_FRAME" },
    });
    // The sentinel, through the registered handler: everything before it had its chance to arrive.
    expect(await publish(alice, "lab.r1", { action: "broadcast", text: "via handler" })).toMatchObject({ ok: true });
    await waitUntil(() => received.length >= 1);
    expect(received.map((m) => [m.channel, m.payload])).toEqual([["lab.r1", { text: "via handler", from: "alice" }]]);
    expect(t.metrics.snapshot().messagesDeliveredBySource).toEqual({ "inbound-handler:lab.{roomId}": 1 });
  });

  it("applies a repeated message id once, also while the first run is in flight", async () => {
    await start();
    const bob = await t.connect({ token: "bob" });
    const slow = { action: "slow", delayMs: 100 };
    const [first, second] = await Promise.all([publish(bob, "lab.r1", slow, "m-1"), publish(bob, "lab.r1", slow, "m-1")]);
    expect([first, second]).toEqual([
      { ok: true, result: "done" },
      { ok: true, result: "done", duplicate: true },
    ]);
    expect(await publish(bob, "lab.r1", slow, "m-1")).toEqual({ ok: true, result: "done", duplicate: true });
    expect(calls.invocations).toHaveLength(1);
    // The same id from another user, or on another channel, is another message.
    const alice = await t.connect({ token: "alice" });
    expect(await publish(alice, "lab.r1", { action: "echo" }, "m-1")).toMatchObject({ ok: true, result: { userId: "alice" } });
    expect(await publish(bob, "lab.r2", { action: "echo" }, "m-1")).toMatchObject({ ok: true, result: { userId: "bob" } });
    expect(calls.invocations).toHaveLength(3);
  });

  it("runs again after a generic failure with the same id (a retry, not a duplicate)", async () => {
    await start();
    const bob = await t.connect({ token: "bob" });
    await publish(bob, "lab.r1", { action: "throw" }, "m-2");
    await publish(bob, "lab.r1", { action: "throw" }, "m-2");
    expect(calls.invocations).toHaveLength(2);
  });

  it("rate limits per socket with retryAfterMs", async () => {
    await start({ now: () => clock.now, limits: { inboundRatePerSocket: { capacity: 3, refillPerSecond: 0.25 } } });
    const bob = await t.connect({ token: "bob" });
    for (let i = 0; i < 3; i++) expect((await publish(bob, "lab.r1", { action: "echo" })).ok).toBe(true);
    const limited = await publish(bob, "lab.r1", { action: "echo" });
    expect(limited).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    const retryAfterMs = limited.ok ? 0 : (limited.error.retryAfterMs ?? 0);
    expect(retryAfterMs).toBe(4_000); // one token at 0.25 per second
    expect(calls.invocations).toHaveLength(3);
    // Another socket has its own bucket.
    expect((await publish(await t.connect(), "lab.r1", { action: "echo" })).ok).toBe(true);
    clock.now += retryAfterMs - 1;
    expect(await publish(bob, "lab.r1", { action: "echo" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", retryAfterMs: 1 } });
    clock.now += 1;
    expect((await publish(bob, "lab.r1", { action: "echo" })).ok).toBe(true);
    expect(t.metrics.snapshot().rateLimitedTotal).toBe(2);
  });

  it("rate limits per user across their sockets", async () => {
    await start({
      now: () => clock.now,
      limits: { inboundRatePerSocket: { capacity: 3, refillPerSecond: 0.1 }, inboundRatePerUser: { capacity: 4, refillPerSecond: 0.1 } },
    });
    const [tab1, tab2] = [await t.connect({ token: "bob" }), await t.connect({ token: "bob" })];
    for (let i = 0; i < 3; i++) expect((await publish(tab1, "lab.r1", { action: "echo" })).ok).toBe(true);
    expect((await publish(tab2, "lab.r1", { action: "echo" })).ok).toBe(true);
    const limited = await publish(tab2, "lab.r1", { action: "echo" });
    expect(limited).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", message: "Too many messages from this user" } });
    expect((await publish(await t.connect({ token: "alice" }), "lab.r1", { action: "echo" })).ok).toBe(true);
  });

  it("takes the per-user budget from the shared rate-limit store, so two instances share it", async () => {
    const now = (): number => clock.now;
    const rateLimits = new InMemoryRateLimitStore({ now });
    const limits = { inboundRatePerSocket: { capacity: 10, refillPerSecond: 0.1 }, inboundRatePerUser: { capacity: 4, refillPerSecond: 0.1 } };
    await start({ now, limits, rateLimits });
    const other = await startSocketIOTestServer({ registry: createTestRegistry().registry, now, limits, rateLimits, authenticator: t.authenticator });
    try {
      const [here, there] = [await t.connect({ token: "bob" }), await other.connect({ token: "bob" })];
      for (const tab of [here, there, here, there]) expect((await publish(tab, "lab.r1", { action: "echo" })).ok).toBe(true);
      expect(await publish(there, "lab.r1", { action: "echo" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
      expect(await publish(here, "lab.r1", { action: "echo" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
      expect(rateLimits.size).toBe(1);
    } finally {
      await other.close();
    }
  });

  it("rate limits every other frame (subscribe, unsubscribe, unknown events) per socket, publishes aside", async () => {
    await start({ now: () => clock.now, limits: { maxSubscriptionsPerSocket: 5, controlRatePerSocket: { capacity: 6, refillPerSecond: 1 } } });
    const flooder = await t.connect({ token: "bob" });
    // A full resubscribe after a reconnect fits in the burst.
    for (let i = 0; i < 5; i++) expect(await request(flooder, "realtime:subscribe", { channel: `lab.r${i}` })).toMatchObject({ ok: true });
    expect(await request(flooder, "realtime:unsubscribe", { channel: "lab.r0" })).toMatchObject({ ok: true });
    const limited = await request(flooder, "realtime:subscribe", { channel: "lab.r0", since: 0 });
    expect(limited).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", message: "Too many requests from this connection" } });
    expect(limited.ok ? 0 : limited.error.retryAfterMs).toBe(1_000); // one token at 1 per second
    expect(await rawEmitWithAck(flooder, "no-such-event", {})).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    // Publishes have their own budget; other sockets have their own control budget.
    expect(await publish(flooder, "lab.r1", { action: "echo" })).toMatchObject({ ok: true });
    expect(await request(await t.connect(), "realtime:subscribe", { channel: "lab.r0" })).toMatchObject({ ok: true });
    expect(t.metrics.snapshot().rateLimitedTotal).toBe(2);
  });

  it("answers PAYLOAD_TOO_LARGE for a payload over the per-message bound", async () => {
    await start({ limits: { maxFrameBytes: 8 * 1024, maxInboundPayloadBytes: 1024 } });
    const bob = await t.connect({ token: "bob" });
    expect(await publish(bob, "lab.r1", { action: "echo", text: "x".repeat(2000) })).toMatchObject({
      ok: false,
      error: { code: "PAYLOAD_TOO_LARGE" },
    });
    expect(calls.invocations).toEqual([]);
  });

  it("closes only the connection that sends a frame over maxFrameBytes (Socket.IO cannot ack it)", async () => {
    await start({ limits: { maxFrameBytes: 4 * 1024, maxInboundPayloadBytes: 1024 } });
    const offender = await t.connect({ token: "bob" });
    const bystander = await t.connect({ token: "alice" });
    const closed = new Promise<string>((resolve) => offender.once("disconnect", resolve));
    offender.emit("realtime:publish", { channel: "lab.r1", payload: { action: "echo", text: "x".repeat(10_000) } }, () => undefined);
    expect(await closed).toMatch(/transport (close|error)/);
    expect(await publish(bystander, "lab.r1", { action: "echo" })).toMatchObject({ ok: true });
    expect(calls.invocations).toHaveLength(1);
  });

  it("hands every invocation to wrapHandler with the channel template", async () => {
    const wrapped: string[] = [];
    const wrapHandler = (template: string, handler: RealtimeInboundHandler): RealtimeInboundHandler => {
      wrapped.push(template);
      return (payload, context) => handler(payload, context);
    };
    await start({ wrapHandler });
    const bob = await t.connect({ token: "bob" });
    await publish(bob, "lab.r1", { action: "echo" });
    await publish(bob, "chat.members", { text: "x" });
    expect(wrapped).toEqual(["lab.{roomId}", "chat.members"]);
  });
});
