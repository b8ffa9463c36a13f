import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRefused } from "../__tests__/realtime-test-client";
import type { RecordingSocket } from "../__tests__/realtime-test-client";
import { waitFor } from "../__tests__/test-server";
import type { SignedIn } from "../__tests__/test-server";
import { INTERNAL_SECRET, forgeToken, leakedTo, startSecurityServer, tapWire } from "./security-kit";
import type { SecurityServer } from "./security-kit";

// Every gate, tried with every wrong identity, against the real app server.
describe("security: gates 1-3 against the real app server", () => {
  let sec: SecurityServer;
  let alice: SignedIn;
  let bob: SignedIn;

  beforeAll(async () => {
    sec = await startSecurityServer();
    [alice, bob] = await Promise.all([sec.signIn("alice"), sec.signIn("bob")]);
  });
  afterAll(async () => {
    await sec.close();
  });

  describe("gate 1 (connect)", () => {
    const otherSecretToken = (token: string): string => {
      const sessionId = token.split(".")[0] ?? "";
      return `${sessionId}.${createHmac("sha256", "some-other-secret-0123456789abcdef").update(sessionId).digest("base64url")}`;
    };

    it.each([
      ["a forged signature (token)", () => ({ token: forgeToken(alice.token) })],
      ["a forged signature (cookie)", () => ({ cookie: `session=${forgeToken(alice.token)}` })],
      ["a token signed with another secret", () => ({ token: otherSecretToken(alice.token) })],
      ["a made-up session id", () => ({ token: "x".repeat(43) })],
      ["an empty signature", () => ({ token: `${alice.token.split(".")[0] ?? ""}.` })],
      ["a token past the signer's length bound", () => ({ token: `${"a".repeat(300)}.${"b".repeat(43)}` })],
    ])("refuses %s with UNAUTHENTICATED", async (_what, credentials) => {
      expect(await connectRefused(sec.server.url, credentials())).toMatchObject({ code: "UNAUTHENTICATED" });
    });

    it("refuses a revoked (signed-out) session's token and cookie, and keeps refusing on every reconnect", async () => {
      const carol = await sec.signIn("bob");
      const logout = await fetch(`${sec.server.url}/api/auth/logout`, { method: "POST", headers: { cookie: carol.cookie } });
      expect(logout.status).toBe(200);
      for (let attempt = 0; attempt < 3; attempt++) {
        expect(await connectRefused(sec.server.url, { token: carol.token })).toMatchObject({ code: "UNAUTHENTICATED" });
        expect(await connectRefused(sec.server.url, { cookie: carol.cookie })).toMatchObject({ code: "UNAUTHENTICATED" });
      }
    });

    it("refuses a browser page on another site that rides the victim's cookie (cross-site WebSocket hijacking)", async () => {
      for (const origin of ["https://evil.example", "null", `http://127.0.0.1.evil.example:${sec.server.port}`, "http://localhost:1"]) {
        expect(await connectRefused(sec.server.url, { cookie: alice.cookie, origin })).toMatchObject({ code: "FORBIDDEN" });
      }
      // The page's own origin is fine.
      const sameOrigin = await sec.connect({ cookie: alice.cookie, origin: sec.server.url });
      expect(await sameOrigin.subscribe("sec.admins")).toMatchObject({ ok: true });
    });

    it("caps connections per user (TOO_MANY_CONNECTIONS) without affecting other users, and frees slots on disconnect", async () => {
      const session = await sec.signIn("bob");
      const open: RecordingSocket[] = [];
      for (let i = 0; i < 20; i++) open.push(await sec.connect({ token: session.token }));
      expect(await connectRefused(sec.server.url, { token: session.token })).toMatchObject({ code: "TOO_MANY_CONNECTIONS" });
      // Another session of the same user counts against the same cap; another user does not.
      expect(await connectRefused(sec.server.url, { token: bob.token })).toMatchObject({ code: "TOO_MANY_CONNECTIONS" });
      const other = await sec.connect({ token: alice.token });
      expect(other.socket.connected).toBe(true);
      open.forEach((socket) => socket.close());
      await waitFor(() => sec.server.realtimeServer.connectedSockets() <= 2, 5_000, "bob's sockets released");
      const again = await sec.connect({ token: bob.token });
      expect(again.socket.connected).toBe(true);
      again.close();
      other.close();
    });
  });

  describe("gate 2 (subscribe)", () => {
    let anonymous: RecordingSocket;
    let bobSocket: RecordingSocket;
    let aliceSocket: RecordingSocket;

    beforeAll(async () => {
      [anonymous, bobSocket, aliceSocket] = await Promise.all([
        sec.connect(),
        sec.connect({ token: bob.token }),
        sec.connect({ cookie: alice.cookie }),
      ]);
    });

    it.each([
      ["anonymous", "sec.members", "UNAUTHENTICATED"],
      ["anonymous", "sec.admins", "UNAUTHENTICATED"],
      ["anonymous", "sec.inbox.alice", "UNAUTHENTICATED"],
      ["anonymous", "notifications.user.alice", "UNAUTHENTICATED"],
      ["bob", "sec.admins", "FORBIDDEN"],
      ["bob", "sec.inbox.alice", "FORBIDDEN"],
      ["bob", "notifications.user.alice", "FORBIDDEN"],
      ["bob", "sec.inbox.constructor", "FORBIDDEN"],
      ["bob", "notifications.user.a.b", "UNKNOWN_CHANNEL"],
      ["bob", "notifications.user.{userId}", "INVALID_PARAMS"],
      ["bob", "notifications.user.__proto__", "INVALID_PARAMS"],
      ["bob", "notifications.user.*", "INVALID_PARAMS"],
      ["bob", "notifications.user.", "INVALID_PARAMS"],
      ["bob", "notifications.user.bob/../alice", "UNKNOWN_CHANNEL"],
      ["bob", "notifications.user.bob alice", "INVALID_PARAMS"],
      ["bob", "notifications..alice", "UNKNOWN_CHANNEL"],
      ["bob", "__proto__", "UNKNOWN_CHANNEL"],
      ["bob", "constructor", "UNKNOWN_CHANNEL"],
      ["bob", "ch:sec.admins", "UNKNOWN_CHANNEL"],
      ["bob", "user:alice", "UNKNOWN_CHANNEL"],
      ["bob", "SEC.ADMINS", "UNKNOWN_CHANNEL"],
      ["bob", "sec.\u0430dmins", "UNKNOWN_CHANNEL"],
      ["bob", "sec.admins ", "UNKNOWN_CHANNEL"],
      ["bob", `sec.rooms.${"a".repeat(129)}`, "INVALID_PARAMS"],
    ])("%s subscribing to %j gets %s", async (who, channel, code) => {
      const client = who === "anonymous" ? anonymous : bobSocket;
      const ack = await client.subscribe(channel);
      expect(ack).toMatchObject({ ok: false, error: { code } });
    });

    it.each([
      ["a channel name over 256 characters", { channel: `sec.rooms.${"a".repeat(300)}` }],
      ["a non-string channel", { channel: { $gt: "" } }],
      ["an array channel", { channel: ["sec.admins"] }],
      ["an unknown field", { channel: "sec.public", admin: true }],
      ["a __proto__ key", JSON.parse('{"channel":"sec.public","__proto__":{"admin":true}}') as unknown],
      ["a negative since", { channel: "sec.public", since: -1 }],
      ["null", null],
      ["a string", "sec.admins"],
    ])("answers INVALID_FRAME to %s", async (_what, frame) => {
      const ack: unknown = await bobSocket.socket.timeout(3_000).emitWithAck("realtime:subscribe", frame);
      expect(ack).toMatchObject({ ok: false, error: { code: "INVALID_FRAME" } });
    });

    it("never delivers to a refused subscriber: sentinels reach the owner only", async () => {
      const [anonWire, bobWire, aliceWire] = [tapWire(anonymous), tapWire(bobSocket), tapWire(aliceSocket)];
      for (const channel of ["sec.admins", "sec.inbox.alice", "notifications.user.alice", "sec.members"]) {
        expect(await aliceSocket.subscribe(channel)).toMatchObject({ ok: true });
        await anonymous.subscribe(channel);
        if (channel !== "sec.members") await bobSocket.subscribe(channel);
      }
      const sentinels = [
        await sec.broadcastSentinel("admins"),
        await sec.broadcastInboxSentinel("alice"),
        await sec.broadcastNotificationSentinel("alice"),
      ];
      for (const sentinel of sentinels) expect(await leakedTo(sentinel, aliceWire, { anonymous: anonWire, bob: bobWire })).toEqual([]);
      const members = await sec.broadcastSentinel("members");
      expect(await leakedTo(members, aliceWire, { anonymous: anonWire })).toEqual([]);
    });

    it("rate limits a subscribe flood (history replays with since) with RATE_LIMITED and a retry hint", async () => {
      const flooder = await sec.connect({ token: bob.token });
      const frames = Array.from({ length: 300 }, (_, i) =>
        flooder.socket.timeout(5_000).emitWithAck("realtime:subscribe", i % 2 === 0 ? { channel: "notifications.user.bob", since: 0 } : { channel: "sec.public" }),
      );
      const acks = (await Promise.all(frames)) as { ok: boolean; error?: { code: string; retryAfterMs?: number } }[];
      const limited = acks.filter((ack) => !ack.ok);
      // Burst 200 (REALTIME_CONTROL_BURST) and 20/s: a full resubscribe fits, a flood does not.
      expect(limited.length).toBeGreaterThanOrEqual(80);
      for (const ack of limited) expect(ack.error).toMatchObject({ code: "RATE_LIMITED", retryAfterMs: expect.any(Number) as unknown });
      expect(flooder.socket.connected).toBe(true);
      expect(await flooder.publish("sec.inbox.bob", { text: "publishes have their own budget" })).toMatchObject({ ok: true });
      flooder.close();
    });

    it("caps subscriptions per socket with TOO_MANY_SUBSCRIPTIONS", async () => {
      const greedy = await sec.connect();
      const acks = await Promise.all(Array.from({ length: 101 }, (_, i) => greedy.subscribe(`sec.rooms.r${i}`)));
      expect(acks.filter((ack) => ack.ok)).toHaveLength(100);
      expect(acks.filter((ack) => !ack.ok)).toEqual([
        { ok: false, error: expect.objectContaining({ code: "TOO_MANY_SUBSCRIPTIONS" }) as unknown },
      ]);
      expect(await greedy.subscribe("sec.rooms.r0")).toMatchObject({ ok: true }); // re-subscribing is not a new slot
      greedy.close();
    });
  });

  describe("gate 3 (publish)", () => {
    let anonymous: RecordingSocket;
    let bobSocket: RecordingSocket;

    beforeAll(async () => {
      [anonymous, bobSocket] = await Promise.all([sec.connect(), sec.connect({ token: bob.token })]);
    });

    it.each([
      ["anonymous", "sec.admins", { text: "x" }, "UNAUTHENTICATED"],
      ["bob", "sec.admins", { text: "x" }, "FORBIDDEN"],
      ["bob", "sec.inbox.alice", { text: "x" }, "FORBIDDEN"],
      ["bob", "sec.members", { text: "x" }, "NO_INBOUND_HANDLER"],
      ["bob", "sec.inbox.{userId}", { text: "x" }, "INVALID_PARAMS"],
      ["bob", "sec.inbox.__proto__", { text: "x" }, "INVALID_PARAMS"],
      ["bob", "nope", { text: "x" }, "UNKNOWN_CHANNEL"],
      ["bob", "sec.inbox.bob", { text: 42 }, "INVALID_PAYLOAD"],
      ["bob", "sec.inbox.bob", { text: "x", extra: true }, "INVALID_PAYLOAD"],
      ["bob", "sec.inbox.bob", JSON.parse('{"text":"x","__proto__":{"polluted":true}}') as unknown, "INVALID_PAYLOAD"],
      ["bob", "sec.inbox.bob", JSON.parse('{"text":"x","constructor":{"prototype":{"polluted":true}}}') as unknown, "INVALID_PAYLOAD"],
    ])("%s publishing to %j (%j) gets %s and runs no handler", async (who, channel, payload, code) => {
      const before = sec.calls.length;
      const ack = await (who === "anonymous" ? anonymous : bobSocket).publish(channel, payload);
      expect(ack).toMatchObject({ ok: false, error: { code } });
      expect(sec.calls.length).toBe(before);
    });

    it("leaves Object.prototype untouched by prototype-pollution frames at every gate", async () => {
      const pollution = [
        '{"channel":"sec.inbox.bob","payload":{"text":"x"},"__proto__":{"polluted":"frame"}}',
        '{"channel":"sec.rooms.r1","payload":{"__proto__":{"polluted":"payload"},"text":"y"}}',
        '{"channel":"sec.rooms.r1","payload":{"constructor":{"prototype":{"polluted":"ctor"}}}}',
      ];
      for (const frame of pollution) await bobSocket.socket.timeout(3_000).emitWithAck("realtime:publish", JSON.parse(frame) as unknown);
      await bobSocket.socket.timeout(3_000).emitWithAck("realtime:subscribe", JSON.parse('{"__proto__":{"channel":"sec.admins"}}') as unknown);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty("polluted");
      expect(Object.prototype).not.toHaveProperty("channel");
    });

    it("runs the handler for the owner, with the owner's identity", async () => {
      const ack = await bobSocket.publish("sec.inbox.bob", { text: "mine" });
      expect(ack).toEqual({ ok: true, result: { handled: "inbox" } });
      expect(sec.calls.at(-1)).toEqual({ channel: "sec.inbox.bob", userId: "bob", payload: { text: "mine" } });
    });

    it("answers a handler crash with a generic INTERNAL: no stack, no internal message", async () => {
      const ack = await bobSocket.publish("sec.crash", {});
      expect(ack).toEqual({ ok: false, error: { code: "INTERNAL", message: "Internal error" } });
      expect(JSON.stringify(ack)).not.toContain("hunter2");
      expect(JSON.stringify(ack)).not.toMatch(/\bat .*\.ts:\d+/);
      expect(sec.server.logs.entries().some((entry) => JSON.stringify(entry).includes(INTERNAL_SECRET))).toBe(true); // logged, not sent
    });

    it("answers PAYLOAD_TOO_LARGE for a payload over the per-message bound, before any handler", async () => {
      const before = sec.calls.length;
      const ack = await bobSocket.publish("sec.rooms.r1", { text: "x".repeat(20_000) });
      expect(ack).toMatchObject({ ok: false, error: { code: "PAYLOAD_TOO_LARGE" } });
      expect(sec.calls.length).toBe(before);
      expect(bobSocket.socket.connected).toBe(true);
    });

    it("rate limits a flood per socket with RATE_LIMITED and a retry hint, running handlers only within budget", async () => {
      const flooder = await sec.connect();
      const before = sec.calls.length;
      const acks = await Promise.all(Array.from({ length: 60 }, () => flooder.publish("sec.rooms.flood", { text: "f" })));
      const limited = acks.filter((ack) => !ack.ok);
      expect(limited.length).toBeGreaterThanOrEqual(30);
      for (const ack of limited) {
        expect(ack).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", retryAfterMs: expect.any(Number) as unknown } });
        if (!ack.ok) expect(ack.error.retryAfterMs).toBeGreaterThan(0);
      }
      expect(sec.calls.length - before).toBe(acks.length - limited.length);
      // Another connection has its own budget.
      expect(await bobSocket.publish("sec.rooms.other", { text: "ok" })).toMatchObject({ ok: true });
      flooder.close();
    });

    it("rate limits one user across all their connections", async () => {
      const session = await sec.signIn("alice");
      const tabs = await Promise.all(Array.from({ length: 5 }, () => sec.connect({ token: session.token })));
      // 5 tabs x 20 burst = 100 per-socket tokens, but the user's bucket holds 60.
      const acks = await Promise.all(tabs.flatMap((tab) => Array.from({ length: 20 }, () => tab.publish("sec.rooms.user-flood", { text: "u" }))));
      const byUser = acks.filter((ack) => !ack.ok && ack.error.message === "Too many messages from this user");
      expect(byUser.length).toBeGreaterThanOrEqual(20);
      tabs.forEach((tab) => tab.close());
    });

    it("closes only the connection that sends a frame over maxFrameBytes, and no handler runs", async () => {
      const offender = await sec.connect();
      const before = sec.calls.length;
      offender.socket.emit("realtime:publish", { channel: "sec.rooms.big", payload: { text: "x".repeat(100_000) } }, () => undefined);
      await waitFor(() => !offender.socket.connected, 5_000, "offender disconnected");
      expect(offender.disconnects[0]).toMatch(/transport (close|error)/);
      expect(sec.calls.length).toBe(before);
      expect(await bobSocket.publish("sec.rooms.r2", { text: "still fine" })).toMatchObject({ ok: true });
    });
  });

  describe("re-authentication of live sockets", () => {
    it("a role taken away drops the subscriptions it granted within seconds and stops delivery", async () => {
      const session = await sec.signIn("alice");
      const socket = await sec.connect({ token: session.token });
      const wire = tapWire(socket);
      const notices: unknown[] = [];
      socket.socket.on("realtime:unsubscribed", (notice) => notices.push(notice));
      expect(await socket.subscribe("sec.admins")).toMatchObject({ ok: true });
      expect(await socket.subscribe("sec.public")).toMatchObject({ ok: true });
      const control = await sec.connect({ token: (await sec.signIn("alice")).token });
      const controlWire = tapWire(control);
      try {
        await sec.changeRoles("alice", []);
        await waitFor(() => notices.length === 1, 5_000, "forced unsubscribe");
        expect(notices[0]).toMatchObject({ channel: "sec.admins", error: { code: "FORBIDDEN" } });
        expect(await socket.publish("sec.admins", { text: "x" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
        expect(await socket.subscribe("sec.admins")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
        expect(socket.socket.connected).toBe(true); // still signed in: only what the role granted is gone
        await sec.changeRoles("alice", ["admin"]);
        expect(await control.subscribe("sec.admins")).toMatchObject({ ok: true });
        const sentinel = await sec.broadcastSentinel("admins");
        expect(await leakedTo(sentinel, controlWire, { demoted: wire })).toEqual([]);
      } finally {
        await sec.changeRoles("alice", ["admin"]);
        socket.close();
        control.close();
      }
    });

    it("logout disconnects that session's sockets at once, and reconnecting with it is refused", async () => {
      const session = await sec.signIn("bob");
      const socket = await sec.connect({ cookie: session.cookie });
      await fetch(`${sec.server.url}/api/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${session.token}` } });
      await waitFor(() => !socket.socket.connected, 5_000, "signed-out socket disconnected");
      expect(socket.disconnects).toEqual(["io server disconnect"]);
      expect(await connectRefused(sec.server.url, { cookie: session.cookie })).toMatchObject({ code: "UNAUTHENTICATED" });
    });

    it("a session revoked in the store (no logout call) is disconnected by the periodic re-check", async () => {
      const session = await sec.signIn("bob");
      const socket = await sec.connect({ token: session.token });
      expect(await socket.subscribe("notifications.user.bob")).toMatchObject({ ok: true });
      await sec.revokeInStore(session.token);
      // Default re-check interval is 15 s (REALTIME_REAUTH_INTERVAL_MS); leave room for a loaded machine.
      await waitFor(() => !socket.socket.connected, 40_000, "revoked socket disconnected");
      expect(socket.disconnects).toEqual(["io server disconnect"]);
      expect(await connectRefused(sec.server.url, { token: session.token })).toMatchObject({ code: "UNAUTHENTICATED" });
    }, 60_000);
  });
});

describe("security: expired sessions (SESSION_TTL_SECONDS=2)", () => {
  let sec: SecurityServer;

  beforeAll(async () => {
    sec = await startSecurityServer({ SESSION_TTL_SECONDS: "2" });
  });
  afterAll(async () => {
    await sec.close();
  });

  it("disconnects a live socket once its session expired, and refuses the expired token and cookie", async () => {
    const session = await sec.signIn("bob");
    const socket = await sec.connect({ token: session.token });
    expect(await socket.subscribe("notifications.user.bob")).toMatchObject({ ok: true });
    await waitFor(() => !socket.socket.connected, 40_000, "expired socket disconnected");
    expect(socket.disconnects).toEqual(["io server disconnect"]);
    expect(await connectRefused(sec.server.url, { token: session.token })).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await connectRefused(sec.server.url, { cookie: session.cookie })).toMatchObject({ code: "UNAUTHENTICATED" });
  }, 60_000);

  it("refuses the next frame of an expired session with UNAUTHENTICATED without waiting for the re-check", async () => {
    const session = await sec.signIn("bob");
    const socket = await sec.connect({ token: session.token });
    const wire = tapWire(socket);
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    const sentinel = await sec.broadcastNotificationSentinel("bob");
    const ack: unknown = await socket.socket.timeout(3_000).emitWithAck("realtime:subscribe", { channel: "notifications.user.bob" });
    expect(ack).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await waitFor(() => !socket.socket.connected, 5_000, "expired socket disconnected after the refusal");
    expect(wire.filter((data) => data.includes(sentinel))).toEqual([]);
  }, 30_000);
});
