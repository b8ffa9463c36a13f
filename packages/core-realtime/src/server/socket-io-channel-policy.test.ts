import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { waitUntil } from "../__tests__/broadcaster-contract";
import { contractChannels, createTestRegistry } from "../__tests__/realtime-test-channels";
import { collectMessages, request, startSocketIOTestServer } from "../__tests__/socket-io-harness";
import type { RealtimeTestClient, SocketIOTestServer } from "../__tests__/socket-io-harness";
import type { ChannelPolicyAccess } from "../channels/channel-policy";
import { withChannelPolicy } from "../channels/channel-policy";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import type { ForcedUnsubscribe } from "../protocol/wire-protocol";

/** A document channel every signed-in user passes by scope; the policy lets only the document's owner in. */
function docsFixture() {
  const owners = new Map<string, string>();
  const calls: { docId: string; access: ChannelPolicyAccess }[] = [];
  const handled: string[] = [];
  let failing = false;
  const docs = withChannelPolicy(
    defineRealtimeChannel({
      name: "doc.{docId}",
      scope: "authenticated",
      schema: z.object({ n: z.number() }),
      inbound: z.strictObject({ text: z.string() }),
      history: { size: 10, ttlSeconds: 60 },
      presence: true,
    }),
    async (user, { docId }, { access }) => {
      calls.push({ docId, access });
      await Promise.resolve();
      if (failing) throw new Error("policy store down");
      return user !== null && owners.get(docId) === user.userId;
    },
  );
  const { registry } = createTestRegistry();
  registry.register(docs, (payload, ctx) => {
    handled.push(`${ctx.userId ?? "-"}:${payload.text}`);
    return { ok: true };
  });
  return { docs, registry, owners, calls, handled, fail: (value: boolean) => (failing = value) };
}

describe("channel policies at gates 2 and 3 and in re-authentication", () => {
  let t: SocketIOTestServer;
  const clock = { now: 1_000_000 };
  afterEach(async () => {
    await t.close();
  });

  const start = async (fixture: ReturnType<typeof docsFixture>, reauthIntervalMs = 600_000): Promise<void> => {
    t = await startSocketIOTestServer({ registry: fixture.registry, now: () => clock.now, limits: { reauthIntervalMs, channelPolicyCacheMs: 1_000 } });
    t.authenticator.users.set("alice", { userId: "alice", roles: [] });
    t.authenticator.users.set("bob", { userId: "bob", roles: [] });
  };
  const codeOf = async (client: RealtimeTestClient, event: "realtime:subscribe" | "realtime:publish" | "realtime:presence", frame: object): Promise<string> => {
    const ack = await request(client, event, frame);
    return ack.ok ? "ok" : ack.error.code;
  };

  it("refuses a non-owner FORBIDDEN at subscribe (with and without since) and publish, after the scope check; runs nothing and replays nothing", async () => {
    const fixture = docsFixture();
    fixture.owners.set("d1", "alice");
    await start(fixture);
    const [alice, bob, anonymous] = [await t.connect({ token: "alice" }), await t.connect({ token: "bob" }), await t.connect()];
    expect(await codeOf(alice, "realtime:subscribe", { channel: "doc.d1" })).toBe("ok");
    await t.broadcaster.broadcast(fixture.docs, { docId: "d1" }, { n: 1 });
    const bobSees = collectMessages(bob);

    expect(await codeOf(bob, "realtime:subscribe", { channel: "doc.d1" })).toBe("FORBIDDEN");
    expect(await codeOf(bob, "realtime:subscribe", { channel: "doc.d1", since: 0 })).toBe("FORBIDDEN");
    expect(await codeOf(bob, "realtime:presence", { channel: "doc.d1" })).toBe("NOT_SUBSCRIBED");
    expect(await codeOf(bob, "realtime:publish", { channel: "doc.d1", payload: { text: "x" } })).toBe("FORBIDDEN");
    // The scope check comes first: anonymous is UNAUTHENTICATED and the policy is never asked for it.
    const callsBefore = fixture.calls.length;
    expect(await codeOf(anonymous, "realtime:subscribe", { channel: "doc.d1" })).toBe("UNAUTHENTICATED");
    expect(fixture.calls.length).toBe(callsBefore);

    expect(await codeOf(alice, "realtime:publish", { channel: "doc.d1", payload: { text: "mine" } })).toBe("ok");
    expect(fixture.handled).toEqual(["alice:mine"]);
    expect(await request(alice, "realtime:presence", { channel: "doc.d1" })).toEqual({ ok: true, channel: "doc.d1", members: [{ userId: "alice", connections: 1 }] });
    // A marker on a channel bob may read: a socket gets its messages in order, so anything
    // of doc.d1 sent to bob (a replay, a broadcast) would have come before it.
    expect(await codeOf(bob, "realtime:subscribe", { channel: "contract.feed" })).toBe("ok");
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 0 });
    await waitUntil(() => bobSees.length > 0);
    expect(bobSees.map((message) => message.channel)).toEqual(["contract.feed"]);
  });

  it("caches a verdict per socket and access for channelPolicyCacheMs (injected clock), then asks again", async () => {
    const fixture = docsFixture();
    fixture.owners.set("d2", "alice");
    await start(fixture);
    const alice = await t.connect({ token: "alice" });
    const publishCalls = (): number => fixture.calls.filter((call) => call.docId === "d2" && call.access === "publish").length;
    for (let i = 0; i < 3; i++) expect(await codeOf(alice, "realtime:publish", { channel: "doc.d2", payload: { text: `${i}` } })).toBe("ok");
    expect(publishCalls()).toBe(1);
    fixture.owners.set("d2", "bob");
    // Within the window the cached verdict still holds: staleness is bounded by the TTL.
    expect(await codeOf(alice, "realtime:publish", { channel: "doc.d2", payload: { text: "late" } })).toBe("ok");
    clock.now += 1_000;
    expect(await codeOf(alice, "realtime:publish", { channel: "doc.d2", payload: { text: "too late" } })).toBe("FORBIDDEN");
    expect(publishCalls()).toBe(2);
    expect(fixture.handled).not.toContain("alice:too late");
  });

  it("answers a throwing policy INTERNAL at subscribe, joins nothing and logs it with context", async () => {
    const fixture = docsFixture();
    fixture.owners.set("d3", "alice");
    await start(fixture);
    fixture.fail(true);
    const alice = await t.connect({ token: "alice" });
    expect(await request(alice, "realtime:subscribe", { channel: "doc.d3" })).toEqual({ ok: false, error: { code: "INTERNAL", message: "Internal error" } });
    const roomsBefore = t.server.diagnostics().rooms;
    await t.broadcaster.broadcast(fixture.docs, { docId: "d3" }, { n: 1 });
    expect(t.server.diagnostics().rooms).toBe(roomsBefore);
    expect(t.logs.entries().find((entry) => entry.msg === "realtime_channel_policy_failed")).toMatchObject({ channel: "doc.d3", access: "read", userId: "alice" });
  });

  it("re-authentication asks afresh (ignoring the cache): drops what the policy now refuses, keeps a subscription when the policy throws", async () => {
    const fixture = docsFixture();
    fixture.owners.set("lost", "alice");
    fixture.owners.set("kept", "alice");
    await start(fixture);
    const alice = await t.connect({ token: "alice" });
    const notices: ForcedUnsubscribe[] = [];
    alice.on("realtime:unsubscribed", (notice) => notices.push(notice));
    expect(await codeOf(alice, "realtime:subscribe", { channel: "doc.lost" })).toBe("ok");
    expect(await codeOf(alice, "realtime:subscribe", { channel: "doc.kept" })).toBe("ok");

    fixture.owners.set("lost", "bob");
    await t.server.reauthenticateUser("alice");
    await waitUntil(() => notices.length === 1);
    expect(notices).toEqual([{ channel: "doc.lost", error: { code: "FORBIDDEN", message: "You may not read this channel" } }]);
    const received = collectMessages(alice);
    await t.broadcaster.broadcast(fixture.docs, { docId: "lost" }, { n: 1 });
    await t.broadcaster.broadcast(fixture.docs, { docId: "kept" }, { n: 2 });
    await waitUntil(() => received.length === 1);
    expect(received.map((message) => message.channel)).toEqual(["doc.kept"]);

    fixture.fail(true);
    await t.server.reauthenticateUser("alice");
    expect(notices).toHaveLength(1);
    expect(alice.connected).toBe(true);
    expect(t.logs.entries().some((entry) => entry.msg === "realtime_channel_policy_failed" && entry.channel === "doc.kept")).toBe(true);
  });

  it("the periodic sweep drops a subscription the policy now refuses", async () => {
    const fixture = docsFixture();
    fixture.owners.set("s1", "bob");
    await start(fixture, 100);
    const bob = await t.connect({ token: "bob" });
    const notices: ForcedUnsubscribe[] = [];
    bob.on("realtime:unsubscribed", (notice) => notices.push(notice));
    expect(await codeOf(bob, "realtime:subscribe", { channel: "doc.s1" })).toBe("ok");
    fixture.owners.delete("s1");
    await waitUntil(() => notices.length === 1);
    expect(notices[0]).toMatchObject({ channel: "doc.s1", error: { code: "FORBIDDEN" } });
  });
});
