import { createContainer } from "@repo/core-di";
import type { BindContext, FeatureModule } from "@repo/core-di";
import { authFeatureModule, AUTH_FEATURE_NAME } from "./di/auth-feature-module";
import { bindAuthServices, selectSessionStore } from "./di/bind-auth-services";
import { AuthSymbols } from "./di/symbols";
import { seedAuthUsers } from "./dev-seed/seed-users";
import { SqlUserRepository } from "./repositories/sql-user-repository";
import type { AuthRouter } from "./trpc/router";

/**
 * The production wiring plus seed data: `alice` (admin) and `bob`, with
 * passwords `alice-password` and `bob-password`, stored through the same SQL
 * repository and only when missing (a restart duplicates nothing).
 *
 * @example
 * const auth = await bindDevSeedAuth(ctx);
 */
export async function bindDevSeedAuth(ctx: BindContext): Promise<FeatureModule<AuthRouter>> {
  const container = createContainer(AUTH_FEATURE_NAME);
  bindAuthServices(container, ctx, { users: new SqlUserRepository(ctx.database), sessions: selectSessionStore(ctx) });
  // @anchor:bindings

  // @anchor:realtime-handlers

  await seedAuthUsers(container.get(AuthSymbols.createUser), container.get(AuthSymbols.userRepository));
  return authFeatureModule(container, ctx);
}
