import { randomUUID } from "node:crypto";
import type { IEventBus } from "@repo/core-events";
import { CHANNEL_PARAM_VALUE } from "@repo/core-realtime";
import { z } from "zod";
import { toNotificationView } from "../domain/notification";
import { notificationSent } from "../events/notification-sent.event";
import { notificationsChannel } from "../realtime/notifications.channel";
import type { NotificationsUnitOfWork } from "./notifications-unit-of-work";

export const ZSendNotificationInput = z.object({
  /** The recipient; it names their channel, so it must be a valid channel parameter (no dots). */
  userId: z.string().regex(CHANNEL_PARAM_VALUE, "Invalid user id"),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(2_000),
});
export type TSendNotificationInput = z.input<typeof ZSendNotificationInput>;

export interface SendNotificationDeps {
  /** The store and the push in one transaction: a stored notification is always pushed, even across a crash. */
  readonly work: NotificationsUnitOfWork;
  readonly bus: IEventBus;
  readonly now?: () => number;
  readonly newId?: () => string;
}

interface SendNotificationResult {
  readonly id: string;
  readonly userId: string;
  readonly unreadCount: number;
}

/** Fields only seed data sets: a stable `id` (a repeated id is stored once) and a `createdAt` that fixes the list order. */
interface SeedNotificationFields {
  /** A random UUID otherwise. */
  readonly id?: string;
  /** Epoch ms; now otherwise. */
  readonly createdAt?: number;
}

export type SendNotification = (input: TSendNotificationInput & SeedNotificationFields) => Promise<SendNotificationResult>;

/**
 * Stores a notification for one user and, in the same transaction, its push
 * (with the user's new unread count) on that user's channel only, delivered
 * after commit through the outbox (ADR-021); then publishes
 * `notification:sent` in process. A repeated id is neither pushed nor
 * published again. Invalid input throws a `ZodError` (tRPC validates first
 * and answers 400).
 *
 * @example
 * const send = sendNotificationUseCase({ work, bus });
 * await send({ userId: "bob", title: "Lunch?", body: "The poll is open" });
 */
export function sendNotificationUseCase(deps: SendNotificationDeps): SendNotification {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? randomUUID;
  return async (input) => {
    const { userId, title, body } = ZSendNotificationInput.parse(input);
    const notification = { id: input.id ?? newId(), userId, title, body, createdAt: input.createdAt ?? now() };
    const { added, unreadCount } = await deps.work(async ({ notifications, realtime }) => {
      const stored = await notifications.add(notification);
      if (stored.added) {
        await realtime.broadcast(
          notificationsChannel,
          { userId },
          { kind: "created", notification: toNotificationView({ ...notification, read: false }), unreadCount: stored.unreadCount },
        );
      }
      return stored;
    });
    // In-process listeners hear only what committed.
    if (added) await deps.bus.publish(notificationSent, { notificationId: notification.id, userId, unreadCount });
    return { id: notification.id, userId, unreadCount };
  };
}
