import { describe, expect, it } from "vitest";
import { InMemoryNotificationRepository } from "../repositories/in-memory-notification-repository";
import { listNotificationsUseCase } from "./list-notifications";

async function seeded(): Promise<InMemoryNotificationRepository> {
  const notifications = new InMemoryNotificationRepository();
  for (let i = 1; i <= 60; i++) await notifications.add({ id: `n${i}`, userId: "bob", title: `t${i}`, body: "", createdAt: i });
  await notifications.add({ id: "a1", userId: "alice", title: "alice's", body: "", createdAt: 100 });
  await notifications.markRead("bob", ["n60"]);
  return notifications;
}

describe("listNotifications", () => {
  it("answers the user's newest 50 by default, without the owner id, and the unread count", async () => {
    const list = listNotificationsUseCase({ notifications: await seeded() });
    const { notifications, unreadCount } = await list({ userId: "bob" });
    expect(notifications).toHaveLength(50);
    expect(notifications[0]).toEqual({ id: "n60", title: "t60", body: "", createdAt: 60, read: true });
    expect(notifications[1]).toMatchObject({ id: "n59", read: false });
    expect(notifications.some((n) => n.id === "a1")).toBe(false);
    expect(unreadCount).toBe(59);
  });

  it.each([
    { limit: 3, expected: 3 },
    { limit: 0, expected: 1 },
    { limit: 1_000, expected: 60 },
  ])("bounds limit $limit to $expected", async ({ limit, expected }) => {
    const list = listNotificationsUseCase({ notifications: await seeded() });
    expect((await list({ userId: "bob", limit })).notifications).toHaveLength(expected);
  });

  it("answers an empty inbox for a user with nothing", async () => {
    const list = listNotificationsUseCase({ notifications: await seeded() });
    expect(await list({ userId: "carol" })).toEqual({ notifications: [], unreadCount: 0 });
  });
});
