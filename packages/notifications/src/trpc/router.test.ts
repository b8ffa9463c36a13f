import { createCallerFactory } from "@repo/core-trpc";
import type { RealtimeUser } from "@repo/core-realtime";
import { inMemoryUnitOfWork, RecordingEventBus, RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { beforeEach, describe, expect, it } from "vitest";
import { InMemoryNotificationRepository } from "../repositories/in-memory-notification-repository";
import { listNotificationsUseCase } from "../use-cases/list-notifications";
import { markNotificationsReadUseCase } from "../use-cases/mark-notifications-read";
import { sendNotificationUseCase } from "../use-cases/send-notification";
import { createNotificationsRouter } from "./router";

const alice: RealtimeUser = { userId: "alice", roles: ["admin"] };
const bob: RealtimeUser = { userId: "bob", roles: [] };

/** A caller per user over one fresh in-memory inbox store. */
function createCallers() {
  const notifications = new InMemoryNotificationRepository();
  const realtime = new RecordingRealtimeBroadcaster();
  const router = createNotificationsRouter({
    send: sendNotificationUseCase({ work: inMemoryUnitOfWork({ notifications }, realtime), bus: new RecordingEventBus() }),
    list: listNotificationsUseCase({ notifications }),
    markRead: markNotificationsReadUseCase({ work: inMemoryUnitOfWork({ notifications }, realtime) }),
  });
  const createCaller = createCallerFactory(router);
  return (user: RealtimeUser | null) => createCaller({ user, requestId: "r" });
}

describe("notifications router", () => {
  let callerFor: ReturnType<typeof createCallers>;

  beforeEach(() => {
    callerFor = createCallers();
  });

  it("lets an admin send, and the recipient (only) lists it", async () => {
    const sent = await callerFor(alice).send({ userId: "bob", title: "Hi bob", body: "from alice" });
    expect(sent).toMatchObject({ userId: "bob", unreadCount: 1 });
    const bobList = await callerFor(bob).list();
    expect(bobList).toEqual({
      notifications: [{ id: sent.id, title: "Hi bob", body: "from alice", createdAt: expect.any(Number) as number, read: false }],
      unreadCount: 1,
    });
    expect(await callerFor(alice).list()).toEqual({ notifications: [], unreadCount: 0 });
  });

  it.each([
    { who: "a non-admin", user: bob, code: "FORBIDDEN" },
    { who: "a guest", user: null, code: "UNAUTHORIZED" },
  ])("refuses send from $who with $code", async ({ user, code }) => {
    await expect(callerFor(user).send({ userId: "bob", title: "x", body: "" })).rejects.toMatchObject({ code });
  });

  it("ignores seed-only fields: an admin cannot choose the id or the date through tRPC", async () => {
    const forged = { userId: "bob", title: "t", body: "", id: "chosen-id", createdAt: 1 } as { userId: string; title: string; body: string };
    const sent = await callerFor(alice).send(forged);
    expect(sent.id).not.toBe("chosen-id");
    const [listed] = (await callerFor(bob).list()).notifications;
    expect(listed).toMatchObject({ id: sent.id });
    expect(listed?.createdAt).toBeGreaterThan(1);
  });

  it("refuses invalid input with BAD_REQUEST", async () => {
    await expect(callerFor(alice).send({ userId: "bob", title: "", body: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("requires sign-in to list or mark read", async () => {
    await expect(callerFor(null).list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).markRead()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("marks read in the caller's own inbox only", async () => {
    const forBob = await callerFor(alice).send({ userId: "bob", title: "b", body: "" });
    await callerFor(alice).send({ userId: "alice", title: "a", body: "" });
    // alice names bob's notification: it is not in her inbox.
    expect(await callerFor(alice).markRead({ ids: [forBob.id] })).toEqual({ markedIds: [], unreadCount: 1 });
    expect(await callerFor(bob).markRead({ ids: [forBob.id] })).toEqual({ markedIds: [forBob.id], unreadCount: 0 });
    expect(await callerFor(alice).markRead()).toMatchObject({ unreadCount: 0 });
  });
});
