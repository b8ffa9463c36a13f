export { bindProductionNotifications } from "./bind-production";
export { bindDevSeedNotifications } from "./bind-dev-seed";
export { NotificationsSymbols } from "./di/symbols";
export { NOTIFICATIONS_FEATURE_NAME } from "./di/notifications-feature-module";
export { DEV_SEED_NOTIFICATIONS } from "./dev-seed/seed-notifications";
export { toNotificationView } from "./domain/notification";
export type { Notification, NotificationView } from "./domain/notification";
export { notificationSent } from "./events/notification-sent.event";
export { InMemoryNotificationRepository } from "./repositories/in-memory-notification-repository";
export { SqlNotificationRepository } from "./repositories/sql-notification-repository";
export type { NotificationsTables, SqlNotificationRepositoryOptions } from "./repositories/sql-notification-repository";
export { notificationsMigrations } from "./migrations/notifications-migrations";
export { DEFAULT_MAX_NOTIFICATIONS_PER_USER } from "./repositories/notification-repository";
export type { AddNotificationResult, INotificationRepository, MarkReadResult } from "./repositories/notification-repository";
export { ZSendNotificationInput } from "./use-cases/send-notification";
export type { SeedNotificationFields, SendNotification, SendNotificationResult, TSendNotificationInput } from "./use-cases/send-notification";
export type { ListNotifications, ListNotificationsInput, NotificationList } from "./use-cases/list-notifications";
export type { MarkNotificationsRead, MarkNotificationsReadInput, MarkNotificationsReadResult } from "./use-cases/mark-notifications-read";
export { ZListNotificationsRequest, ZMarkReadRequest } from "./trpc/router";
export type { NotificationsRouter, TListNotificationsRequest, TMarkReadRequest } from "./trpc/router";
export { EMPTY_NOTIFICATION_INBOX, INBOX_MAX_ITEMS, reduceNotificationInbox } from "./inbox/notification-inbox";
export type { NotificationInbox, NotificationInboxEvent } from "./inbox/notification-inbox";
// @anchor:exports
export {
  notificationsChannel,
  ZNotificationCreatedMessage,
  ZNotificationMessage,
  ZNotificationsReadMessage,
  ZNotificationView,
} from "./realtime/notifications.channel";
export type { TNotificationCreatedMessage, TNotificationMessage, TNotificationsReadMessage } from "./realtime/notifications.channel";
// @anchor:realtime-channels
