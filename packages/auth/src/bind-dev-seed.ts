import type { BindContext, FeatureModule } from "@repo/core-di";
import { bindProductionAuth } from "./bind-production";
import { seedAuthUsers } from "./dev-seed/seed-users";
import { AuthSymbols } from "./di/symbols";
import type { AuthRouter } from "./trpc/router";

/**
 * The production wiring (`bindProductionAuth`, unchanged) plus seed data:
 * `alice` (admin) and `bob`, with passwords `alice-password` and
 * `bob-password`, stored through the same SQL repository and only when
 * missing (a restart duplicates nothing).
 *
 * @example
 * const auth = await bindDevSeedAuth(ctx);
 */
export async function bindDevSeedAuth(ctx: BindContext): Promise<FeatureModule<AuthRouter>> {
  const auth = bindProductionAuth(ctx);
  const { container } = auth;
  // Dev-only bindings and channels go above these anchors; the generators write the production
  // ones into bind-production.ts, which this file runs first.
  // @anchor:bindings

  // @anchor:realtime-handlers

  await seedAuthUsers(container.get(AuthSymbols.createUser), container.get(AuthSymbols.userRepository));
  return auth;
}
