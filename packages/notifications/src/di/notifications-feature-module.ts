import type { Container, FeatureModule } from "@repo/core-di";
import { createNotificationsRouter } from "../trpc/router";
import type { NotificationsRouter } from "../trpc/router";
import { NotificationsSymbols } from "./symbols";

/** The feature's name: its container name and its key in the app router. */
export const NOTIFICATIONS_FEATURE_NAME = "notifications";

/**
 * What both bind files return once the container is complete.
 *
 * @example
 * return notificationsFeatureModule(container);
 */
export function notificationsFeatureModule(container: Container): FeatureModule<NotificationsRouter> {
  return {
    name: NOTIFICATIONS_FEATURE_NAME,
    container,
    router: createNotificationsRouter({
      send: container.get(NotificationsSymbols.sendNotification),
      list: container.get(NotificationsSymbols.listNotifications),
      markRead: container.get(NotificationsSymbols.markNotificationsRead),
    }),
  };
}
