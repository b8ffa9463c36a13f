import { createContainer } from "@repo/core-di";
import type { BindContext, FeatureModule } from "@repo/core-di";
import { bindNotificationsServices, selectNotificationRepository, selectNotificationsUnitOfWork } from "./di/bind-notifications-services";
import { notificationsFeatureModule, NOTIFICATIONS_FEATURE_NAME } from "./di/notifications-feature-module";
import { notificationsChannel } from "./realtime/notifications.channel";
import type { NotificationsRouter } from "./trpc/router";

/**
 * Wires the notifications feature for production: inboxes in the system of
 * record (`ctx.database`, ADR-020), and the outbound
 * `notifications.user.{userId}` channel registered for subscribers.
 *
 * @example
 * const notifications = bindProductionNotifications(ctx);
 * await notifications.container.get(NotificationsSymbols.sendNotification)({ userId: "bob", title: "Hi", body: "" });
 */
export function bindProductionNotifications(ctx: BindContext): FeatureModule<NotificationsRouter> {
  const container = createContainer(NOTIFICATIONS_FEATURE_NAME);
  bindNotificationsServices(container, ctx, selectNotificationRepository(ctx), selectNotificationsUnitOfWork(ctx));
  // @anchor:bindings

  ctx.realtimeRegistry.registerChannel(notificationsChannel);
  // @anchor:realtime-handlers

  return notificationsFeatureModule(container);
}
