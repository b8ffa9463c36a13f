import type { BindContext, FeatureModule } from "@repo/core-di";
import { bindProductionNotifications } from "./bind-production";
import { seedNotifications } from "./dev-seed/seed-notifications";
import { NotificationsSymbols } from "./di/symbols";
import type { NotificationsRouter } from "./trpc/router";

/**
 * The production wiring (`bindProductionNotifications`, unchanged) plus a few
 * notifications for alice and bob, so the badge and the list show something
 * on first start. Seeding goes through the same repository with fixed ids,
 * so a restart on the same database adds nothing.
 *
 * @example
 * const notifications = await bindDevSeedNotifications(ctx);
 */
export async function bindDevSeedNotifications(ctx: BindContext): Promise<FeatureModule<NotificationsRouter>> {
  const notifications = bindProductionNotifications(ctx);
  const { container } = notifications;
  // Dev-only bindings and channels go above these anchors; the generators write the production
  // ones into bind-production.ts, which this file runs first.
  // @anchor:bindings

  // @anchor:realtime-handlers

  await seedNotifications(container.get(NotificationsSymbols.sendNotification));
  return notifications;
}
