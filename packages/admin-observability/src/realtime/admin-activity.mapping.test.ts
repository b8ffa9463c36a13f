import { defineEvent, jobCompleted, jobFailed } from "@repo/core-events";
import { bindRealtimeBridge } from "@repo/core-realtime/server";
import { RecordingEventBus, RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { notificationSent } from "@repo/notifications";
import { articlePublished } from "@repo/articles";
import { pollCreated, voteAccepted } from "@repo/polls";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ADMIN_ACTIVITY_EVENTS } from "./admin-activity-events";
import { adminActivityBridgeEntries } from "./admin-activity.mapping";
import { adminObservabilityChannel, ZAdminActivityMessage } from "./admin-observability.channel";

const notOnTheList = defineEvent({ name: "test:not-allowlisted", schema: z.object({ secretId: z.string() }) });

describe("the admin.observability bridge allowlist", () => {
  let bus: RecordingEventBus;
  let realtime: RecordingRealtimeBroadcaster;
  let stop: () => void;

  beforeEach(() => {
    bus = new RecordingEventBus();
    realtime = new RecordingRealtimeBroadcaster();
    stop = bindRealtimeBridge(bus, realtime, adminActivityBridgeEntries(ADMIN_ACTIVITY_EVENTS));
  });
  afterEach(() => stop());

  it("forwards job traffic as activity entries with the bus publish id", async () => {
    await bus.publish(jobFailed, { job: "notify-subscribers", id: "j1", attempt: 3, durationMs: 12, error: "smtp down", willRetry: false });
    const broadcast = realtime.expectBroadcast(adminObservabilityChannel, {}, { kind: "activity", entry: { name: "job:failed", kind: "job" } });
    expect(broadcast.payload).toEqual({
      kind: "activity",
      entry: {
        id: expect.any(String) as string,
        name: "job:failed",
        kind: "job",
        at: expect.any(Number) as number,
        detail: { job: "notify-subscribers", id: "j1", attempt: 3, durationMs: 12, error: "smtp down", willRetry: false },
      },
    });
  });

  it("forwards feature events with their ids only: an article's title and body never reach the dashboard", async () => {
    await bus.publish(articlePublished, { id: "a1", title: "Private title", body: "Private body", authorId: "bob", publishedAt: 5 });
    await bus.publish(notificationSent, { notificationId: "n1", userId: "bob", unreadCount: 2 });
    const payloads = realtime.broadcastsOn(adminObservabilityChannel, {}).map((b) => b.payload);
    const entries = payloads.map((p) => ZAdminActivityMessage.parse(p).entry);
    expect(entries.map((e) => [e.name, e.detail])).toEqual([
      ["article.published", { id: "a1", authorId: "bob", publishedAt: 5 }],
      ["notification:sent", { notificationId: "n1", userId: "bob", unreadCount: 2 }],
    ]);
    expect(JSON.stringify(payloads)).not.toContain("Private");
  });

  it("forwards poll traffic without the question text", async () => {
    await bus.publish(pollCreated, { pollId: "p1", question: "Secret question?", optionCount: 2, createdBy: "alice" });
    await bus.publish(voteAccepted, { pollId: "p1", optionId: "o1", totalVotes: 1 });
    const entries = realtime.broadcastsOn(adminObservabilityChannel, {}).map((b) => ZAdminActivityMessage.parse(b.payload).entry);
    expect(entries.map((e) => [e.name, e.detail])).toEqual([
      ["poll:created", { pollId: "p1", optionCount: 2 }],
      ["vote:accepted", { pollId: "p1", optionId: "o1", totalVotes: 1 }],
    ]);
  });

  it("never forwards an event that is not on the allowlist", async () => {
    await bus.publish(notOnTheList, { secretId: "s1" });
    realtime.expectNoBroadcast();
  });

  it("keeps forwarding the other entries when one broadcast fails", async () => {
    const failing = {
      broadcast: () => Promise.reject(new Error("transport down")),
    };
    const failingStop = bindRealtimeBridge(bus, failing, adminActivityBridgeEntries([jobCompleted]));
    await bus.publish(jobCompleted, { job: "x", id: "j2", attempt: 1, durationMs: 1 });
    realtime.expectBroadcast(adminObservabilityChannel, {}, { kind: "activity", entry: { name: "job:completed" } });
    failingStop();
  });
});
