import { createContainer } from "@repo/core-di";
import type { BindContext, FeatureModule } from "@repo/core-di";
import { seedNotifications } from "./dev-seed/seed-notifications";
import { bindNotificationsServices, selectNotificationRepository, selectNotificationsUnitOfWork } from "./di/bind-notifications-services";
import { notificationsFeatureModule, NOTIFICATIONS_FEATURE_NAME } from "./di/notifications-feature-module";
import { NotificationsSymbols } from "./di/symbols";
import { notificationsChannel } from "./realtime/notifications.channel";
import type { NotificationsRouter } from "./trpc/router";

/**
 * The production wiring plus a few notifications for alice and bob, so the
 * badge and the list show something on first start. Seeding goes through the
 * same repository with fixed ids, so a restart on the same database adds nothing.
 *
 * @example
 * const notifications = await bindDevSeedNotifications(ctx);
 */
export async function bindDevSeedNotifications(ctx: BindContext): Promise<FeatureModule<NotificationsRouter>> {
  const container = createContainer(NOTIFICATIONS_FEATURE_NAME);
  bindNotificationsServices(container, ctx, selectNotificationRepository(ctx), selectNotificationsUnitOfWork(ctx));
  // @anchor:bindings

  ctx.realtimeRegistry.registerChannel(notificationsChannel);
  // @anchor:realtime-handlers

  await seedNotifications(container.get(NotificationsSymbols.sendNotification));
  return notificationsFeatureModule(container);
}
