import type { UnitOfWork } from "@repo/core-realtime/server";
import type { INotificationRepository } from "../repositories/notification-repository";

/**
 * One transaction for a notifications write and the push it causes (ADR-021):
 * the repository bound to the transaction, and the broadcaster whose messages
 * are stored in the outbox beside the write and delivered after commit.
 */
export type NotificationsUnitOfWork = UnitOfWork<{ readonly notifications: INotificationRepository }>;
