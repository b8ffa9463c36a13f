import { instrumentUseCase } from "@repo/core-di";
import type { BindContext, Container } from "@repo/core-di";
import type { INotificationRepository } from "../repositories/notification-repository";
import { SqlNotificationRepository } from "../repositories/sql-notification-repository";
import { listNotificationsUseCase } from "../use-cases/list-notifications";
import { markNotificationsReadUseCase } from "../use-cases/mark-notifications-read";
import { sendNotificationUseCase } from "../use-cases/send-notification";
import { NotificationsSymbols } from "./symbols";

/** The system of record (ADR-020): every instance on one database sees the same inbox and count. */
export function selectNotificationRepository(ctx: Pick<BindContext, "database">): INotificationRepository {
  return new SqlNotificationRepository(ctx.database);
}

/**
 * The bindings both bind files share: the repository, then each use case in
 * its span+capture sandwich.
 *
 * @example
 * bindNotificationsServices(container, ctx, selectNotificationRepository(ctx));
 */
export function bindNotificationsServices(container: Container, ctx: BindContext, notifications: INotificationRepository): void {
  container.bind(NotificationsSymbols.notificationRepository, notifications);
  container.bind(
    NotificationsSymbols.sendNotification,
    instrumentUseCase(ctx, "notifications.send", sendNotificationUseCase({ notifications, realtime: ctx.realtime, bus: ctx.bus })),
  );
  container.bind(NotificationsSymbols.listNotifications, instrumentUseCase(ctx, "notifications.list", listNotificationsUseCase({ notifications })));
  container.bind(
    NotificationsSymbols.markNotificationsRead,
    instrumentUseCase(ctx, "notifications.markRead", markNotificationsReadUseCase({ notifications, realtime: ctx.realtime })),
  );
}
