import { createContainer } from "@repo/core-di";
import type { BindContext, FeatureModule } from "@repo/core-di";
import { authFeatureModule, AUTH_FEATURE_NAME } from "./di/auth-feature-module";
import { bindAuthServices, selectSessionStore } from "./di/bind-auth-services";
import { SqlUserRepository } from "./repositories/sql-user-repository";
import type { AuthRouter } from "./trpc/router";

/**
 * Wires the auth feature for production: users in SQL through
 * `ctx.database` (the system of record every instance shares, migrated with
 * `authMigrations`; an empty deployment gets its first admin from
 * `pnpm user:create --admin`), sessions in Redis when `ctx.redis` is set.
 *
 * @example
 * const auth = bindProductionAuth(ctx);
 * auth.container.get(AuthSymbols.realtimeAuthenticator);
 */
export function bindProductionAuth(ctx: BindContext): FeatureModule<AuthRouter> {
  const container = createContainer(AUTH_FEATURE_NAME);
  bindAuthServices(container, ctx, { users: new SqlUserRepository(ctx.database), sessions: selectSessionStore(ctx) });
  // @anchor:bindings

  // @anchor:realtime-handlers

  return authFeatureModule(container, ctx);
}
