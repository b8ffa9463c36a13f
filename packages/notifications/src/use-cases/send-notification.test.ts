import { inMemoryUnitOfWork, RecordingEventBus, RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { beforeEach, describe, expect, it } from "vitest";
import { notificationSent } from "../events/notification-sent.event";
import { notificationsChannel } from "../realtime/notifications.channel";
import { InMemoryNotificationRepository } from "../repositories/in-memory-notification-repository";
import { sendNotificationUseCase } from "./send-notification";
import type { SendNotification } from "./send-notification";

describe("sendNotification", () => {
  let notifications: InMemoryNotificationRepository;
  let realtime: RecordingRealtimeBroadcaster;
  let bus: RecordingEventBus;
  let send: SendNotification;
  let ids: number;

  beforeEach(() => {
    notifications = new InMemoryNotificationRepository();
    realtime = new RecordingRealtimeBroadcaster();
    bus = new RecordingEventBus();
    ids = 0;
    send = sendNotificationUseCase({ work: inMemoryUnitOfWork({ notifications }, realtime), bus, now: () => 1_000, newId: () => `n${++ids}` });
  });

  it("stores it unread, pushes it with the unread count on the recipient's channel only, and publishes notification:sent", async () => {
    expect(await send({ userId: "bob", title: " Lunch? ", body: "The poll is open" })).toEqual({ id: "n1", userId: "bob", unreadCount: 1 });
    const broadcast = realtime.expectBroadcast(notificationsChannel, { userId: "bob" });
    expect(broadcast.payload).toEqual({
      kind: "created",
      notification: { id: "n1", title: "Lunch?", body: "The poll is open", createdAt: 1_000, read: false },
      unreadCount: 1,
    });
    expect(realtime.broadcasts).toHaveLength(1);
    realtime.expectNoBroadcast(notificationsChannel, { userId: "alice" });
    bus.expectPublished(notificationSent, { notificationId: "n1", userId: "bob", unreadCount: 1 });
    expect(await notifications.listForUser("bob", 10)).toEqual([
      { id: "n1", userId: "bob", title: "Lunch?", body: "The poll is open", createdAt: 1_000, read: false },
    ]);
  });

  it("counts unread per user: each push carries that user's own count", async () => {
    await send({ userId: "bob", title: "one", body: "" });
    await send({ userId: "alice", title: "for alice", body: "" });
    await send({ userId: "bob", title: "two", body: "" });
    expect(realtime.broadcastsOn(notificationsChannel, { userId: "bob" }).map((b) => (b.payload as { unreadCount: number }).unreadCount)).toEqual([1, 2]);
    expect(realtime.broadcastsOn(notificationsChannel, { userId: "alice" }).map((b) => (b.payload as { unreadCount: number }).unreadCount)).toEqual([1]);
  });

  it("stores a repeated id once and neither pushes nor publishes it again", async () => {
    await send({ id: "seed-1", userId: "bob", title: "Hi", body: "" });
    realtime.clear();
    bus.clear();
    expect(await send({ id: "seed-1", userId: "bob", title: "Hi", body: "" })).toEqual({ id: "seed-1", userId: "bob", unreadCount: 1 });
    realtime.expectNoBroadcast();
    bus.expectNotPublished(notificationSent);
  });

  it("keeps a given createdAt (seed data), which orders the list", async () => {
    await send({ id: "older", userId: "bob", title: "older", body: "", createdAt: 10 });
    await send({ id: "newer", userId: "bob", title: "newer", body: "", createdAt: 20 });
    expect((await notifications.listForUser("bob", 10)).map((n) => [n.id, n.createdAt])).toEqual([
      ["newer", 20],
      ["older", 10],
    ]);
  });

  it.each([
    { case: "an empty title", input: { userId: "bob", title: "   ", body: "" } },
    { case: "a title over 200 characters", input: { userId: "bob", title: "x".repeat(201), body: "" } },
    { case: "a user id with a dot (it would name another channel)", input: { userId: "bob.evil", title: "Hi", body: "" } },
    { case: "an empty user id", input: { userId: "", title: "Hi", body: "" } },
  ])("refuses $case and sends nothing", async ({ input }) => {
    await expect(send(input)).rejects.toThrow();
    realtime.expectNoBroadcast();
    bus.expectNotPublished(notificationSent);
    expect(await notifications.unreadCount("bob")).toBe(0);
  });
});
