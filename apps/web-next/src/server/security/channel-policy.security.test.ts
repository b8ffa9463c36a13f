import { REALTIME_PROTOCOL_VERSION, defineRealtimeChannel, withChannelPolicy } from "@repo/core-realtime";
import type { ChannelPolicyAccess, ClientToServerEvents, ForcedUnsubscribe, ServerToClientEvents } from "@repo/core-realtime";
import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { waitFor } from "../__tests__/test-server";
import type { SignedIn } from "../__tests__/test-server";
import { INTERNAL_SECRET, leakedTo, startSecurityServer, tapWire } from "./security-kit";
import type { SecurityServer } from "./security-kit";

/**
 * Per-resource channel policies (issue #18 finding 5, the mechanism): a
 * channel whose scope lets every signed-in user in, narrowed per document by
 * an async policy that reads feature state (here a Map standing in for a
 * repository). The policy must hold at subscribe (and so for history replay
 * and presence), on every publish, after connection-state recovery and at
 * every re-authentication sweep.
 */
const owners = new Map<string, string>();
const policyCalls: { docId: string; access: ChannelPolicyAccess; userId: string | null }[] = [];
const handlerCalls: { channel: string; userId: string | null }[] = [];

const docsChannel = withChannelPolicy(
  defineRealtimeChannel({
    name: "sec.docs.{docId}",
    scope: "authenticated",
    schema: z.object({ sentinel: z.string() }),
    inbound: z.strictObject({ text: z.string().max(200) }),
    history: { size: 20, ttlSeconds: 60 },
    presence: true,
  }),
  (user, { docId }, { access }) => {
    policyCalls.push({ docId, access, userId: user?.userId ?? null });
    if (docId === "boom") throw new Error(INTERNAL_SECRET);
    return Promise.resolve(user !== null && owners.get(docId) === user.userId);
  },
);

type ReconnectingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function reconnectingClient(url: string, token: string): { socket: ReconnectingSocket; wire: string[] } {
  const socket: ReconnectingSocket = io(url, {
    path: "/socket.io",
    transports: ["websocket"],
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    auth: { version: REALTIME_PROTOCOL_VERSION, token },
  });
  const wire: string[] = [];
  socket.io.on("open", () => socket.io.engine.on("packet", (packet: { data?: unknown }) => wire.push(String(packet.data))));
  return { socket, wire };
}

describe("security: per-resource channel policies against the real app server", () => {
  let sec: SecurityServer;
  let alice: SignedIn;
  let bob: SignedIn;

  const broadcastDoc = async (docId: string): Promise<string> => {
    const sentinel = `sentinel-${crypto.randomUUID()}`;
    await sec.broadcaster.broadcast(docsChannel, { docId }, { sentinel });
    return sentinel;
  };

  beforeAll(async () => {
    // A fast sweep, so the sweep case needs no explicit trigger; a long cache, so the cache case does not race the clock.
    sec = await startSecurityServer({ REALTIME_REAUTH_INTERVAL_MS: "400", REALTIME_POLICY_CACHE_MS: "60000" });
    sec.server.bound.realtime.realtimeRegistry.register(docsChannel, (_payload, ctx) => {
      handlerCalls.push({ channel: ctx.channel, userId: ctx.userId });
      return { handled: true };
    });
    [alice, bob] = await Promise.all([sec.signIn("alice"), sec.signIn("bob")]);
  });
  afterAll(async () => {
    await sec.close();
  });

  it("refuses another user's document with FORBIDDEN at subscribe, replay, presence and publish; nothing crosses the wire and no handler runs", async () => {
    owners.set("a1", "alice");
    const [aliceSocket, bobSocket] = await Promise.all([sec.connect({ token: alice.token }), sec.connect({ token: bob.token })]);
    const [aliceWire, bobWire] = [tapWire(aliceSocket), tapWire(bobSocket)];
    expect(await aliceSocket.subscribe("sec.docs.a1")).toMatchObject({ ok: true });
    const kept = await broadcastDoc("a1");
    await waitFor(() => aliceWire.some((data) => data.includes(kept)), 5_000, "alice got the first sentinel");

    expect(await bobSocket.subscribe("sec.docs.a1")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const replay: unknown = await bobSocket.socket.timeout(3_000).emitWithAck("realtime:subscribe", { channel: "sec.docs.a1", since: 0 });
    expect(replay).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const presence: unknown = await bobSocket.socket.timeout(3_000).emitWithAck("realtime:presence", { channel: "sec.docs.a1" });
    expect(presence).toMatchObject({ ok: false });
    const publish: unknown = await bobSocket.socket.timeout(3_000).emitWithAck("realtime:publish", { channel: "sec.docs.a1", payload: { text: "hi" }, id: "m1" });
    expect(publish).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    expect(handlerCalls.filter((call) => call.userId === "bob")).toEqual([]);
    expect(bobWire.filter((data) => data.includes(kept))).toEqual([]);
    const members: unknown = await aliceSocket.socket.timeout(3_000).emitWithAck("realtime:presence", { channel: "sec.docs.a1" });
    expect(members).toEqual({ ok: true, channel: "sec.docs.a1", members: [{ userId: "alice", connections: 1, displayName: "alice" }] });
    expect(await leakedTo(await broadcastDoc("a1"), aliceWire, { bob: bobWire })).toEqual([]);
    // The owner publishes normally.
    expect(await aliceSocket.publish("sec.docs.a1", { text: "mine" })).toMatchObject({ ok: true, result: { handled: true } });
    aliceSocket.close();
    bobSocket.close();
  });

  it("answers a policy that throws with a generic INTERNAL (fails closed, nothing internal on the wire)", async () => {
    const bobSocket = await sec.connect({ token: bob.token });
    const wire = tapWire(bobSocket);
    expect(await bobSocket.subscribe("sec.docs.boom")).toEqual({ ok: false, error: { code: "INTERNAL", message: "Internal error" } });
    expect(wire.join("\n")).not.toContain("hunter2");
    expect(sec.server.logs.entries().some((entry) => entry.msg === "realtime_channel_policy_failed")).toBe(true);
    bobSocket.close();
  });

  it("reads feature state once per socket and cache window for a burst of publishes", async () => {
    owners.set("c1", "alice");
    const aliceSocket = await sec.connect({ token: alice.token });
    const before = policyCalls.filter((call) => call.docId === "c1" && call.access === "publish").length;
    for (let i = 0; i < 5; i++) expect(await aliceSocket.publish("sec.docs.c1", { text: `n${i}` })).toMatchObject({ ok: true });
    expect(policyCalls.filter((call) => call.docId === "c1" && call.access === "publish").length - before).toBe(1);
    aliceSocket.close();
  });

  it("the re-authentication sweep asks the policy afresh and drops a subscription it now refuses", async () => {
    owners.set("s1", "bob");
    const bobSocket = await sec.connect({ token: bob.token });
    const notices: ForcedUnsubscribe[] = [];
    bobSocket.socket.on("realtime:unsubscribed", (notice) => notices.push(notice));
    const wire = tapWire(bobSocket);
    expect(await bobSocket.subscribe("sec.docs.s1")).toMatchObject({ ok: true });
    owners.set("s1", "alice");
    await waitFor(() => notices.length > 0, 5_000, "the sweep dropped bob's subscription");
    expect(notices).toEqual([{ channel: "sec.docs.s1", error: { code: "FORBIDDEN", message: expect.any(String) as string } }]);
    const after = await broadcastDoc("s1");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(wire.filter((data) => data.includes(after))).toEqual([]);
    expect(await bobSocket.subscribe("sec.docs.s1")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(bobSocket.socket.connected).toBe(true);
    bobSocket.close();
  });

  it("a recovered session gets back only the documents the policy still allows; nothing missed on a lost one crosses the wire", async () => {
    owners.set("r1", "alice");
    owners.set("r2", "alice");
    const { socket, wire } = reconnectingClient(sec.server.url, alice.token);
    const notices: ForcedUnsubscribe[] = [];
    socket.on("realtime:unsubscribed", (notice) => notices.push(notice));
    try {
      await waitFor(() => socket.connected, 5_000, "connected");
      for (const channel of ["sec.docs.r1", "sec.docs.r2"]) {
        expect(await socket.timeout(3_000).emitWithAck("realtime:subscribe", { channel })).toMatchObject({ ok: true });
      }
      const seen = await broadcastDoc("r1");
      await waitFor(() => wire.some((data) => data.includes(seen)), 5_000, "first broadcast seen");

      socket.io.engine.close();
      await waitFor(() => sec.server.realtimeServer.diagnostics().sockets === 0, 5_000, "server saw the drop");
      owners.set("r1", "bob");
      const missedLost = await broadcastDoc("r1");
      const missedKept = await broadcastDoc("r2");
      await waitFor(() => socket.connected, 10_000, "reconnected");

      expect(socket.recovered).toBe(true);
      await waitFor(() => notices.length === 1 && wire.some((data) => data.includes(missedKept)), 5_000, "recovery finished");
      expect(notices[0]).toMatchObject({ channel: "sec.docs.r1", error: { code: "FORBIDDEN" } });
      expect(wire.filter((data) => data.includes(missedLost))).toEqual([]);
      const later = await broadcastDoc("r1");
      const control = await broadcastDoc("r2");
      await waitFor(() => wire.some((data) => data.includes(control)), 5_000, "r2 still delivered");
      expect(wire.filter((data) => data.includes(later))).toEqual([]);
    } finally {
      socket.disconnect();
    }
  });
});
