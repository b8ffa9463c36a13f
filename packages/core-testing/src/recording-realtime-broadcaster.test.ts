import { RealtimeError, defineRealtimeChannel } from "@repo/core-realtime";
import { InMemoryRealtimeBroadcaster, withBroadcastSource } from "@repo/core-realtime/server";
import type { IRealtimeBroadcaster } from "@repo/core-realtime/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RecordingRealtimeBroadcaster } from "./recording-realtime-broadcaster";

const inbox = defineRealtimeChannel({
  name: "inbox.{userId}",
  scope: { userScoped: "userId" },
  schema: z.object({ title: z.string(), unread: z.number() }),
});

describe("RecordingRealtimeBroadcaster", () => {
  it("records concrete channels and matches partial payloads", async () => {
    const realtime = new RecordingRealtimeBroadcaster();
    await realtime.broadcast(inbox, { userId: "bob" }, { title: "Hi", unread: 1 });
    expect(realtime.expectBroadcast(inbox, { userId: "bob" }, { title: "Hi" }).channel).toBe("inbox.bob");
    expect(realtime.expectBroadcast(inbox, { userId: "bob" }, (p) => (p as { unread: number }).unread === 1)).toBeDefined();
    expect(realtime.broadcastsOn(inbox, { userId: "bob" })).toHaveLength(1);
  });

  it("fails with a message that lists what was recorded instead", async () => {
    const realtime = new RecordingRealtimeBroadcaster();
    await realtime.broadcast(inbox, { userId: "bob" }, { title: "Hi", unread: 1 });
    expect(() => realtime.expectBroadcast(inbox, { userId: "alice" })).toThrow(/inbox\.alice.*recorded:\n {2}1\. inbox\.bob \{"title":"Hi","unread":1\}/s);
    expect(() => realtime.expectBroadcast(inbox, { userId: "bob" }, { title: "Bye" })).toThrow(/matching \{"title":"Bye"\}/);
    expect(() => realtime.expectNoBroadcast(inbox)).toThrow(/Expected no broadcast on "inbox.\{userId\}"/);
    expect(() => realtime.expectNoBroadcast(inbox, { userId: "alice" })).not.toThrow();
  });

  it("isolates recorded payloads", async () => {
    const realtime = new RecordingRealtimeBroadcaster();
    const payload = { title: "x", unread: 0 };
    await realtime.broadcast(inbox, { userId: "bob" }, payload);
    payload.title = "mutated";
    realtime.expectBroadcast(inbox, { userId: "bob" }, { title: "x" });
    realtime.clear();
    realtime.expectNoBroadcast();
  });

  it("answers with the message id it was given, as the production base does", async () => {
    const realtime = new RecordingRealtimeBroadcaster();
    const receipt = await realtime.broadcast(inbox, { userId: "bob" }, { title: "x", unread: 0 }, { messageId: "m-1" });
    expect(receipt.messageId).toBe("m-1");
    expect((await realtime.broadcast(inbox, { userId: "bob" }, { title: "x", unread: 0 })).messageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  /** What a broadcaster's refusal looks like from the caller: class, code and message. */
  async function refusal(broadcaster: IRealtimeBroadcaster, params: Record<string, string>, payload: unknown) {
    const error: unknown = await broadcaster.broadcast(inbox, params as { userId: string }, payload as never).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    return error instanceof RealtimeError ? { type: "RealtimeError", code: error.code, message: error.message } : { type: String(error) };
  }

  it.each([
    ["a payload the schema refuses", { userId: "bob" }, { title: 1 }, "INVALID_PAYLOAD"],
    ["a payload missing a field", { userId: "bob" }, { title: "x" }, "INVALID_PAYLOAD"],
    ["a param with a forbidden character", { userId: "a.b" }, { title: "x", unread: 0 }, "INVALID_PARAMS"],
    ["a missing param", {}, { title: "x", unread: 0 }, "INVALID_PARAMS"],
  ])("refuses %s with the production broadcaster's RealtimeError", async (_label, params, payload, code) => {
    const production = new InMemoryRealtimeBroadcaster();
    // Bound to an allowed source, as bind code hands it to a use case: the refusal is gate 4's, not the source gate's.
    const expected = await refusal(withBroadcastSource(production, production.sources.allow({ kind: "use-case", name: "test.recording" })), params, payload);
    expect(expected).toMatchObject({ type: "RealtimeError", code });
    expect(await refusal(new RecordingRealtimeBroadcaster(), params, payload)).toEqual(expected);
  });
});
