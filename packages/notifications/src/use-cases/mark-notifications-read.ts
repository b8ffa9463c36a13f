import { notificationsChannel } from "../realtime/notifications.channel";
import type { NotificationsUnitOfWork } from "./notifications-unit-of-work";

export interface MarkNotificationsReadDeps {
  /** The read marks and the push in one transaction (ADR-021). */
  readonly work: NotificationsUnitOfWork;
}

interface MarkNotificationsReadInput {
  /** Whose notifications: always the caller (tRPC passes `ctx.user.userId`). */
  readonly userId: string;
  /** Which to mark; omitted or `null` marks every unread one. */
  readonly ids?: readonly string[] | null;
}

interface MarkNotificationsReadResult {
  readonly markedIds: readonly string[];
  readonly unreadCount: number;
}

export type MarkNotificationsRead = (input: MarkNotificationsReadInput) => Promise<MarkNotificationsReadResult>;

/**
 * Marks the caller's notifications read and, when anything changed, tells
 * the caller's other tabs on their channel so every badge shows the new count;
 * the push is stored with the marks and delivered after commit (ADR-021).
 * Ids of other users' notifications are unknown to the caller's inbox and change nothing.
 *
 * @example
 * await markNotificationsRead({ userId: "bob" }); // everything
 * await markNotificationsRead({ userId: "bob", ids: ["n1"] });
 */
export function markNotificationsReadUseCase(deps: MarkNotificationsReadDeps): MarkNotificationsRead {
  return ({ userId, ids = null }) =>
    deps.work(async ({ notifications, realtime }) => {
      const result = await notifications.markRead(userId, ids);
      if (result.markedIds.length > 0) {
        await realtime.broadcast(notificationsChannel, { userId }, { kind: "read", ids: [...result.markedIds], unreadCount: result.unreadCount });
      }
      return result;
    });
}
