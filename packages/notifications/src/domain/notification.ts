/** One notification as stored: it belongs to exactly one user. */
export interface Notification {
  readonly id: string;
  readonly userId: string;
  readonly title: string;
  readonly body: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly read: boolean;
}

/** What its owner sees (the owner is implied by who asks, so the user id stays out). */
export interface NotificationView {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: number;
  readonly read: boolean;
}

/**
 * Drops the owner id: views go to the owner only, on their own channel or their own list.
 *
 * @example
 * toNotificationView(stored); // { id, title, body, createdAt, read }
 */
export function toNotificationView(notification: Notification): NotificationView {
  return {
    id: notification.id,
    title: notification.title,
    body: notification.body,
    createdAt: notification.createdAt,
    read: notification.read,
  };
}
