import { inMemoryUnitOfWork, RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { beforeEach, describe, expect, it } from "vitest";
import { notificationsChannel } from "../realtime/notifications.channel";
import { InMemoryNotificationRepository } from "../repositories/in-memory-notification-repository";
import { markNotificationsReadUseCase } from "./mark-notifications-read";
import type { MarkNotificationsRead } from "./mark-notifications-read";

describe("markNotificationsRead", () => {
  let notifications: InMemoryNotificationRepository;
  let realtime: RecordingRealtimeBroadcaster;
  let markRead: MarkNotificationsRead;

  beforeEach(async () => {
    notifications = new InMemoryNotificationRepository();
    realtime = new RecordingRealtimeBroadcaster();
    markRead = markNotificationsReadUseCase({ work: inMemoryUnitOfWork({ notifications }, realtime) });
    await notifications.add({ id: "b1", userId: "bob", title: "one", body: "", createdAt: 1 });
    await notifications.add({ id: "b2", userId: "bob", title: "two", body: "", createdAt: 2 });
    await notifications.add({ id: "a1", userId: "alice", title: "alice's", body: "", createdAt: 3 });
  });

  it("marks the given ids and tells the user's other tabs the new count", async () => {
    expect(await markRead({ userId: "bob", ids: ["b1"] })).toEqual({ markedIds: ["b1"], unreadCount: 1 });
    realtime.expectBroadcast(notificationsChannel, { userId: "bob" }, { kind: "read", ids: ["b1"], unreadCount: 1 });
    expect(realtime.broadcasts).toHaveLength(1);
  });

  it("marks everything unread when no ids are given", async () => {
    const result = await markRead({ userId: "bob" });
    expect([...result.markedIds].sort()).toEqual(["b1", "b2"]);
    expect(result.unreadCount).toBe(0);
    realtime.expectBroadcast(notificationsChannel, { userId: "bob" }, { kind: "read", unreadCount: 0 });
  });

  it("cannot touch another user's notification: nothing changes and nothing is pushed", async () => {
    expect(await markRead({ userId: "bob", ids: ["a1"] })).toEqual({ markedIds: [], unreadCount: 2 });
    expect(await notifications.unreadCount("alice")).toBe(1);
    realtime.expectNoBroadcast();
  });

  it("pushes nothing when nothing changed", async () => {
    await markRead({ userId: "bob" });
    realtime.clear();
    expect(await markRead({ userId: "bob" })).toEqual({ markedIds: [], unreadCount: 0 });
    realtime.expectNoBroadcast();
  });
});
