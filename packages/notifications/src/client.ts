/**
 * `@repo/notifications/client`: what a browser page needs (the channel
 * descriptor, its message schemas and the inbox reducer the page keeps its
 * state with), without the server half of the feature (repositories,
 * Redis, use cases) in the bundle.
 */
export { notificationsChannel } from "./realtime/notifications.channel";
export type { NotificationView } from "./domain/notification";
export { EMPTY_NOTIFICATION_INBOX, reduceNotificationInbox } from "./inbox/notification-inbox";
