import type { BaseSchema, Transaction } from "@repo/core-database";
import { instrumentUseCase, transactionsOf } from "@repo/core-di";
import type { BindContext, Container } from "@repo/core-di";
import { unitOfWork } from "@repo/core-realtime/server";
import type { INotificationRepository } from "../repositories/notification-repository";
import { SqlNotificationRepository } from "../repositories/sql-notification-repository";
import { listNotificationsUseCase } from "../use-cases/list-notifications";
import { markNotificationsReadUseCase } from "../use-cases/mark-notifications-read";
import type { NotificationsUnitOfWork } from "../use-cases/notifications-unit-of-work";
import { sendNotificationUseCase } from "../use-cases/send-notification";
import { NotificationsSymbols } from "./symbols";

/** The system of record (ADR-020): every instance on one database sees the same inbox and count. */
export function selectNotificationRepository(ctx: Pick<BindContext, "database">): INotificationRepository {
  return new SqlNotificationRepository(ctx.database);
}

/**
 * Writes and their pushes in one transaction of the app's runner (ADR-021):
 * the repository is built on the transaction, so both commit or neither.
 */
export function selectNotificationsUnitOfWork(
  ctx: Pick<BindContext, "config" | "database" | "realtime" | "realtimeSources" | "transactions">,
): NotificationsUnitOfWork {
  return unitOfWork(transactionsOf(ctx), (trx: Transaction<BaseSchema>) => ({ notifications: new SqlNotificationRepository({ db: trx }) }));
}

/**
 * The bindings both bind files share: the repository (reads), then each use
 * case in its span+capture sandwich, writes going through `work`.
 *
 * @example
 * bindNotificationsServices(container, ctx, selectNotificationRepository(ctx), selectNotificationsUnitOfWork(ctx));
 */
export function bindNotificationsServices(container: Container, ctx: BindContext, notifications: INotificationRepository, work: NotificationsUnitOfWork): void {
  container.bind(NotificationsSymbols.notificationRepository, notifications);
  container.bind(NotificationsSymbols.sendNotification, instrumentUseCase(ctx, "notifications.send", sendNotificationUseCase({ work, bus: ctx.bus })));
  container.bind(NotificationsSymbols.listNotifications, instrumentUseCase(ctx, "notifications.list", listNotificationsUseCase({ notifications })));
  container.bind(NotificationsSymbols.markNotificationsRead, instrumentUseCase(ctx, "notifications.markRead", markNotificationsReadUseCase({ work })));
}
