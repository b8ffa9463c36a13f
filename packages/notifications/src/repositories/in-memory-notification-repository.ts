import type { Notification } from "../domain/notification";
import { DEFAULT_MAX_NOTIFICATIONS_PER_USER } from "./notification-repository";
import type { AddNotificationResult, INotificationRepository, MarkReadResult } from "./notification-repository";

interface Inbox {
  /** Newest first, in the order `listForUser` answers. */
  items: Notification[];
  readonly unread: Set<string>;
}

/** Newest first; equal timestamps by id, descending (bytewise, as the SQL repository's `COLLATE "C"`). */
function newestFirst(a: Notification, b: Notification): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/**
 * Notifications in a Map of per-user inboxes: the fast double for use-case
 * tests. It passes the same contract suite as `SqlNotificationRepository`
 * (the system of record), so the two cannot drift; the app never binds it.
 *
 * @example
 * const notifications = new InMemoryNotificationRepository();
 * await notifications.add({ id: "n1", userId: "bob", title: "Hi", body: "", createdAt: Date.now() });
 */
export class InMemoryNotificationRepository implements INotificationRepository {
  readonly #inboxes = new Map<string, Inbox>();
  readonly #maxPerUser: number;

  constructor(options: { readonly maxPerUser?: number } = {}) {
    this.#maxPerUser = options.maxPerUser ?? DEFAULT_MAX_NOTIFICATIONS_PER_USER;
  }

  async add(notification: Omit<Notification, "read">): Promise<AddNotificationResult> {
    const inbox = this.#inbox(notification.userId);
    if (inbox.items.some((item) => item.id === notification.id)) return { added: false, unreadCount: inbox.unread.size };
    inbox.items = [...inbox.items, Object.freeze({ ...notification, read: false })].sort(newestFirst);
    inbox.unread.add(notification.id);
    for (const dropped of inbox.items.splice(this.#maxPerUser)) inbox.unread.delete(dropped.id);
    return { added: true, unreadCount: inbox.unread.size };
  }

  async listForUser(userId: string, limit: number): Promise<Notification[]> {
    const inbox = this.#inboxes.get(userId);
    if (inbox === undefined) return [];
    return inbox.items.slice(0, Math.max(0, limit)).map((item) => ({ ...item, read: !inbox.unread.has(item.id) }));
  }

  async unreadCount(userId: string): Promise<number> {
    return this.#inboxes.get(userId)?.unread.size ?? 0;
  }

  async markRead(userId: string, ids: readonly string[] | null): Promise<MarkReadResult> {
    const inbox = this.#inboxes.get(userId);
    if (inbox === undefined) return { markedIds: [], unreadCount: 0 };
    const candidates = ids === null ? [...inbox.unread] : [...new Set(ids)];
    const markedIds = candidates.filter((id) => inbox.unread.delete(id));
    return { markedIds, unreadCount: inbox.unread.size };
  }

  #inbox(userId: string): Inbox {
    let inbox = this.#inboxes.get(userId);
    if (inbox === undefined) {
      inbox = { items: [], unread: new Set() };
      this.#inboxes.set(userId, inbox);
    }
    return inbox;
  }
}
