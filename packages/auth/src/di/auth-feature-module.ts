import { featureRedisPrefix } from "@repo/core-di";
import type { BindContext, Container, FeatureModule } from "@repo/core-di";
import { createAuthThrottle } from "../http/rate-limiter-flexible-auth-throttle";
import { createAuthHttpRoutes } from "../http/auth-http-routes";
import { createAuthRouter } from "../trpc/router";
import type { AuthRouter } from "../trpc/router";
import { AuthSymbols } from "./symbols";

/** The feature's name: its container name and its key in the app router. */
export const AUTH_FEATURE_NAME = "auth";

/**
 * What both bind files return once the container is complete.
 *
 * @example
 * return authFeatureModule(container, ctx);
 */
export function authFeatureModule(container: Container, ctx: Pick<BindContext, "config" | "redis">): FeatureModule<AuthRouter> {
  return {
    name: AUTH_FEATURE_NAME,
    container,
    router: createAuthRouter(),
    httpRoutes: createAuthHttpRoutes({
      signIn: container.get(AuthSymbols.signIn),
      signOut: container.get(AuthSymbols.signOut),
      cookie: { secure: ctx.config.secureCookies, maxAgeSeconds: ctx.config.sessionTtlSeconds },
      loginThrottle: createAuthThrottle({
        redis: ctx.redis,
        keyPrefix: featureRedisPrefix(ctx, "auth:throttle:login:"),
        limits: ctx.config.authLimits?.login ?? {},
      }),
    }),
  };
}
