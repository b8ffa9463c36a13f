export { bindProductionNotifications } from "./bind-production";
export { bindDevSeedNotifications } from "./bind-dev-seed";
export { notificationSent } from "./events/notification-sent.event";
export { notificationsMigrations } from "./migrations/notifications-migrations";
// @anchor:exports
export { notificationsChannel } from "./realtime/notifications.channel";
// @anchor:realtime-channels
