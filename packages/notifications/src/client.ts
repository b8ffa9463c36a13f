/**
 * `@repo/notifications/client`: what a browser page needs (the channel
 * descriptor and its message schemas), without the server half of the
 * feature (repositories, Redis, use cases) in the bundle.
 */
export {
  notificationsChannel,
  ZNotificationCreatedMessage,
  ZNotificationMessage,
  ZNotificationsReadMessage,
  ZNotificationView,
} from "./realtime/notifications.channel";
export type { TNotificationCreatedMessage, TNotificationMessage, TNotificationsReadMessage } from "./realtime/notifications.channel";
