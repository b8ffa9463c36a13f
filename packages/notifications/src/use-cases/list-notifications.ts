import { toNotificationView } from "../domain/notification";
import type { NotificationView } from "../domain/notification";
import type { INotificationRepository } from "../repositories/notification-repository";

export interface ListNotificationsDeps {
  readonly notifications: INotificationRepository;
}

interface ListNotificationsInput {
  /** Whose list: always the caller (tRPC passes `ctx.user.userId`, never client input). */
  readonly userId: string;
  /** 1..100; default 50. */
  readonly limit?: number;
}

interface NotificationList {
  readonly notifications: readonly NotificationView[];
  readonly unreadCount: number;
}

export type ListNotifications = (input: ListNotificationsInput) => Promise<NotificationList>;

const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 100;

/**
 * A user's newest notifications and their unread count: the snapshot a page
 * renders before live messages arrive on the channel.
 *
 * @example
 * const { notifications, unreadCount } = await listNotifications({ userId: "bob" });
 */
export function listNotificationsUseCase(deps: ListNotificationsDeps): ListNotifications {
  return async ({ userId, limit = DEFAULT_LIST_LIMIT }) => {
    const bounded = Math.min(Math.max(Math.trunc(limit), 1), MAX_LIST_LIMIT);
    const [stored, unreadCount] = await Promise.all([deps.notifications.listForUser(userId, bounded), deps.notifications.unreadCount(userId)]);
    return { notifications: stored.map(toNotificationView), unreadCount };
  };
}
