import { describeRepositoryContract } from "@repo/core-database/testing";
import { expect, it } from "vitest";
import { notificationRepositoryContract } from "../__tests__/notification-repository-contract";
import { notificationsMigrations } from "../migrations/notifications-migrations";
import { SqlNotificationRepository } from "./sql-notification-repository";

describeRepositoryContract(
  "SqlNotificationRepository",
  ({ database }) => {
    // The contract expects an empty store per repository: one database per engine, emptied each time.
    notificationRepositoryContract("SqlNotificationRepository", async (options) => {
      await database().db.$extendTables<{ notifications: { id: string } }>().deleteFrom("notifications").execute();
      return new SqlNotificationRepository(database(), options);
    });

    it("is shared: a second repository on the same database sees the first one's writes", async () => {
      const writer = new SqlNotificationRepository(database());
      const reader = new SqlNotificationRepository(database());
      await writer.add({ id: "shared-1", userId: "shared-user", title: "Hi", body: "there", createdAt: 1_000 });
      expect(await reader.listForUser("shared-user", 10)).toEqual([{ id: "shared-1", userId: "shared-user", title: "Hi", body: "there", createdAt: 1_000, read: false }]);
      await reader.markRead("shared-user", ["shared-1"]);
      expect(await writer.unreadCount("shared-user")).toBe(0);
    });

    it("counts concurrent adds exactly once each, with exact unread counts", async () => {
      const repo = new SqlNotificationRepository(database());
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => repo.add({ id: `c${i % 10}`, userId: "concurrent-user", title: "t", body: "", createdAt: i })),
      );
      expect(results.filter((r) => r.added)).toHaveLength(10);
      expect(results.filter((r) => r.added).map((r) => r.unreadCount).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await repo.unreadCount("concurrent-user")).toBe(10);
    });

    it("refuses what the schema forbids: an empty title", async () => {
      const repo = new SqlNotificationRepository(database());
      await expect(repo.add({ id: "bad", userId: "schema-user", title: "", body: "", createdAt: 1 })).rejects.toThrow();
    });
  },
  { migrations: [notificationsMigrations] },
);
