import { defineRealtimeChannel, RealtimeError } from "@repo/core-realtime";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startChannelHarness } from "./channel-harness";
import type { ChannelHarness } from "./channel-harness";

const alice = { userId: "alice", roles: ["admin"] };
const bob = { userId: "bob", roles: [] };
const inbox = defineRealtimeChannel({ name: "inbox.{userId}", scope: { userScoped: "userId" }, schema: z.object({ text: z.string() }) });
const room = defineRealtimeChannel({
  name: "room.{roomId}",
  scope: "authenticated",
  schema: z.object({ said: z.string(), by: z.string() }),
  inbound: z.object({ say: z.string().max(20) }),
});

describe("startChannelHarness (real server, real sockets)", () => {
  let h: ChannelHarness;
  afterEach(async () => {
    await h.close();
  });

  it("shows who may subscribe, who may not, and what arrives", async () => {
    h = await startChannelHarness({ channels: [inbox], users: [alice, bob] });
    const a = await h.connectAs(alice);
    const b = await h.connectAs(bob);
    const anonymous = await h.connectAs(null);
    expect(await a.subscribe(inbox, { userId: "alice" })).toEqual({ ok: true, channel: "inbox.alice" });
    expect(await b.subscribe(inbox, { userId: "alice" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await anonymous.subscribe(inbox, { userId: "bob" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await h.broadcaster.broadcast(inbox, { userId: "alice" }, { text: "for alice" });
    expect(await a.waitFor("inbox.alice", 1)).toEqual([{ text: "for alice" }]);
    expect(b.received("inbox.alice")).toEqual([]);
  });

  it("runs inbound handlers and returns their result or error code", async () => {
    h = await startChannelHarness({
      users: [alice, bob],
      handlers: [
        [
          room,
          async (payload, ctx) => {
            const { say } = payload as { say: string };
            if (say === "forbidden word") throw new RealtimeError("NOT_ALLOWED", "Mind your words");
            await ctx.broadcast({ said: say, by: ctx.userId ?? "?" }, { toOthers: true });
            return { echoed: say };
          },
        ],
      ],
    });
    const a = await h.connectAs(alice);
    const b = await h.connectAs(bob);
    await a.subscribe(room, { roomId: "r1" });
    await b.subscribe(room, { roomId: "r1" });
    expect(await a.publish(room, { roomId: "r1" }, { say: "hello" })).toEqual({ ok: true, result: { echoed: "hello" } });
    expect(await b.waitFor("room.r1", 1)).toEqual([{ said: "hello", by: "alice" }]);
    expect(await a.publish(room, { roomId: "r1" }, { say: "forbidden word" })).toMatchObject({ ok: false, error: { code: "NOT_ALLOWED" } });
    expect(await a.publish(room, { roomId: "r1" }, { say: "x".repeat(50) })).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
    expect(a.received("room.r1")).toEqual([]);
  });
});
