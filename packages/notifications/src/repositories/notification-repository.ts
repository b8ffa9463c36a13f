import type { Notification } from "../domain/notification";

/** How many notifications a user keeps by default; older ones are dropped as new ones arrive. */
export const DEFAULT_MAX_NOTIFICATIONS_PER_USER = 200;

export interface AddNotificationResult {
  /** False when a notification with this id was already stored for the user (adding is idempotent). */
  readonly added: boolean;
  /** The user's unread count after the add. */
  readonly unreadCount: number;
}

export interface MarkReadResult {
  /** Ids that were unread and are now read (ids already read or unknown are left out). */
  readonly markedIds: readonly string[];
  readonly unreadCount: number;
}

/**
 * Where notifications and each user's unread count live. Every method is
 * scoped by `userId`: an id of another user's notification is unknown here,
 * so no call can read or change another user's notifications.
 */
export interface INotificationRepository {
  /** Stores a new unread notification; keeps only the user's newest notifications (a per-user cap). */
  add(notification: Omit<Notification, "read">): Promise<AddNotificationResult>;
  /** The user's notifications, newest first (`createdAt`, then id, descending), at most `limit`. */
  listForUser(userId: string, limit: number): Promise<Notification[]>;
  unreadCount(userId: string): Promise<number>;
  /** Marks `ids` read, or every unread notification when `ids` is `null`. */
  markRead(userId: string, ids: readonly string[] | null): Promise<MarkReadResult>;
}
