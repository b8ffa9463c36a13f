import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Notification } from "../domain/notification";
import type { INotificationRepository } from "../repositories/notification-repository";

/** A fresh, empty repository with the given per-user cap. */
export type NotificationRepositoryFactory = (options: { readonly maxPerUser?: number }) => Promise<INotificationRepository>;

function notification(userId: string, createdAt: number, id: string = randomUUID()): Omit<Notification, "read"> {
  return { id, userId, title: `title ${id}`, body: `body ${id}`, createdAt };
}

/**
 * The behaviour every `INotificationRepository` must have; run it once per implementation.
 *
 * @example
 * notificationRepositoryContract("InMemoryNotificationRepository", async (o) => new InMemoryNotificationRepository(o));
 */
export function notificationRepositoryContract(name: string, create: NotificationRepositoryFactory): void {
  describe(`${name} (INotificationRepository contract)`, () => {
    it("stores a notification unread and counts it", async () => {
      const repo = await create({});
      const n = notification("alice", 1_000);
      expect(await repo.add(n)).toEqual({ added: true, unreadCount: 1 });
      expect(await repo.listForUser("alice", 10)).toEqual([{ ...n, read: false }]);
      expect(await repo.unreadCount("alice")).toBe(1);
    });

    it("is idempotent by id: adding the same id again changes nothing", async () => {
      const repo = await create({});
      const n = notification("alice", 1_000, "same-id");
      await repo.add(n);
      expect(await repo.add({ ...n, title: "changed" })).toEqual({ added: false, unreadCount: 1 });
      expect(await repo.listForUser("alice", 10)).toEqual([{ ...n, read: false }]);
    });

    it("lists newest first, up to the limit", async () => {
      const repo = await create({});
      const [a, b, c] = [notification("alice", 1_000), notification("alice", 3_000), notification("alice", 2_000)];
      for (const n of [a, b, c]) await repo.add(n);
      expect((await repo.listForUser("alice", 10)).map((n) => n.id)).toEqual([b.id, c.id, a.id]);
      expect((await repo.listForUser("alice", 2)).map((n) => n.id)).toEqual([b.id, c.id]);
      expect(await repo.listForUser("alice", 0)).toEqual([]);
    });

    it("keeps users apart: one user's list, count and read marks never include another's", async () => {
      const repo = await create({});
      const forAlice = notification("alice", 1_000);
      const forBob = notification("bob", 2_000);
      await repo.add(forAlice);
      await repo.add(forBob);
      expect((await repo.listForUser("alice", 10)).map((n) => n.id)).toEqual([forAlice.id]);
      expect((await repo.listForUser("bob", 10)).map((n) => n.id)).toEqual([forBob.id]);
      // Bob names alice's notification: nothing changes for either of them.
      expect(await repo.markRead("bob", [forAlice.id])).toEqual({ markedIds: [], unreadCount: 1 });
      expect(await repo.unreadCount("alice")).toBe(1);
      expect(await repo.markRead("bob", null)).toEqual({ markedIds: [forBob.id], unreadCount: 0 });
      expect(await repo.unreadCount("alice")).toBe(1);
    });

    it("marks the given ids read once and reports only what changed", async () => {
      const repo = await create({});
      const [a, b] = [notification("alice", 1_000), notification("alice", 2_000)];
      await repo.add(a);
      await repo.add(b);
      expect(await repo.markRead("alice", [a.id, a.id, "unknown"])).toEqual({ markedIds: [a.id], unreadCount: 1 });
      expect(await repo.markRead("alice", [a.id])).toEqual({ markedIds: [], unreadCount: 1 });
      expect(await repo.markRead("alice", [])).toEqual({ markedIds: [], unreadCount: 1 });
      expect((await repo.listForUser("alice", 10)).map((n) => [n.id, n.read])).toEqual([
        [b.id, false],
        [a.id, true],
      ]);
    });

    it("marks everything read when given null", async () => {
      const repo = await create({});
      const [a, b] = [notification("alice", 1_000), notification("alice", 2_000)];
      await repo.add(a);
      await repo.add(b);
      const result = await repo.markRead("alice", null);
      expect([...result.markedIds].sort()).toEqual([a.id, b.id].sort());
      expect(result.unreadCount).toBe(0);
      expect(await repo.markRead("nobody", null)).toEqual({ markedIds: [], unreadCount: 0 });
    });

    it("keeps only the newest notifications past the per-user cap, and their unread marks", async () => {
      const repo = await create({ maxPerUser: 2 });
      const [a, b, c] = [notification("alice", 1_000), notification("alice", 2_000), notification("alice", 3_000)];
      for (const n of [a, b, c]) await repo.add(n);
      expect((await repo.listForUser("alice", 10)).map((n) => n.id)).toEqual([c.id, b.id]);
      expect(await repo.unreadCount("alice")).toBe(2);
    });

    it("answers an empty list and zero for a user with nothing", async () => {
      const repo = await create({});
      expect(await repo.listForUser("nobody", 10)).toEqual([]);
      expect(await repo.unreadCount("nobody")).toBe(0);
    });
  });
}
