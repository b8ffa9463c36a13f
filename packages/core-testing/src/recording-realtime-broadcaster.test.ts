import { defineRealtimeChannel } from "@repo/core-realtime";
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

  it("validates like the real broadcaster and isolates recorded payloads", async () => {
    const realtime = new RecordingRealtimeBroadcaster();
    await expect(realtime.broadcast(inbox, { userId: "bob" }, { title: 1 } as never)).rejects.toThrow(/schema/);
    await expect(realtime.broadcast(inbox, { userId: "a.b" }, { title: "x", unread: 0 })).rejects.toThrow();
    const payload = { title: "x", unread: 0 };
    await realtime.broadcast(inbox, { userId: "bob" }, payload);
    payload.title = "mutated";
    realtime.expectBroadcast(inbox, { userId: "bob" }, { title: "x" });
    realtime.clear();
    realtime.expectNoBroadcast();
  });
});
