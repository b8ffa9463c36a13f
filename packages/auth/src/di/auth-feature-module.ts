import { featureRedisPrefix } from "@repo/core-di";
import type { BindContext, Container, FeatureModule } from "@repo/core-di";
import { DEFAULT_SIGNUP_THROTTLE_LIMITS } from "../http/auth-throttle";
import { createAuthThrottle } from "../http/rate-limiter-flexible-auth-throttle";
import { createAuthHttpRoutes } from "../http/auth-http-routes";
import { createSignUpHttpRoute } from "../http/sign-up-http-route";
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
  const cookie = { secure: ctx.config.secureCookies, maxAgeSeconds: ctx.config.sessionTtlSeconds };
  return {
    name: AUTH_FEATURE_NAME,
    container,
    router: createAuthRouter({ listUsers: container.get(AuthSymbols.listUsers), changeUserRoles: container.get(AuthSymbols.changeUserRoles) }),
    httpRoutes: [
      ...createAuthHttpRoutes({
        signIn: container.get(AuthSymbols.signIn),
        signOut: container.get(AuthSymbols.signOut),
        cookie,
        loginThrottle: createAuthThrottle({
          redis: ctx.redis,
          keyPrefix: featureRedisPrefix(ctx, "auth:throttle:login:"),
          limits: ctx.config.authLimits?.login ?? {},
        }),
      }),
      createSignUpHttpRoute({
        signUp: container.get(AuthSymbols.signUp),
        cookie,
        signupThrottle: createAuthThrottle({
          redis: ctx.redis,
          keyPrefix: featureRedisPrefix(ctx, "auth:throttle:signup:"),
          limits: {
            attemptsPerAddress: ctx.config.authLimits?.signup?.attemptsPerAddress ?? DEFAULT_SIGNUP_THROTTLE_LIMITS.attemptsPerAddress,
            windowSeconds: ctx.config.authLimits?.signup?.windowSeconds ?? DEFAULT_SIGNUP_THROTTLE_LIMITS.windowSeconds,
          },
        }),
      }),
    ],
  };
}
