import { token } from "@repo/core-di";
import type { INotificationRepository } from "../repositories/notification-repository";
import type { ListNotifications } from "../use-cases/list-notifications";
import type { MarkNotificationsRead } from "../use-cases/mark-notifications-read";
import type { SendNotification } from "../use-cases/send-notification";

/** The notifications feature's container keys (ADR-008). */
export const NotificationsSymbols = {
  notificationRepository: token<INotificationRepository>("notifications.notificationRepository"),
  sendNotification: token<SendNotification>("notifications.sendNotification"),
  listNotifications: token<ListNotifications>("notifications.listNotifications"),
  markNotificationsRead: token<MarkNotificationsRead>("notifications.markNotificationsRead"),
  // @anchor:symbols
  // @anchor:realtime-symbols
} as const;
