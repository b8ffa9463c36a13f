export { bindProductionAuth } from "./bind-production";
export { bindDevSeedAuth } from "./bind-dev-seed";
export { AuthSymbols } from "./di/symbols";
export { AUTH_FEATURE_NAME } from "./di/auth-feature-module";
export { DEV_SEED_USERS } from "./dev-seed/seed-users";
export { SessionRealtimeAuthenticator } from "./adapters/session-realtime-authenticator";
export { AUTH_LOGIN_PATH, AUTH_LOGOUT_PATH, ZLoginRequest, admitAttempt } from "./http/auth-http-routes";
export { DEFAULT_AUTH_THROTTLE_LIMITS } from "./http/auth-throttle";
export type { AuthThrottleLimits, IAuthThrottle, ThrottleKeys, ThrottleVerdict } from "./http/auth-throttle";
export { createAuthThrottle } from "./http/rate-limiter-flexible-auth-throttle";
export type { TLoginRequest } from "./http/auth-http-routes";
export { crossSiteRefusal, requestOrigin } from "./http/cross-site-guard";
export type { CrossSiteOptions, CrossSiteRefusal, GuardedRequest } from "./http/cross-site-guard";
export { requestCredentials } from "./http/request-credentials";
export { SESSION_COOKIE_NAME, readSessionCookie } from "./http/session-cookie";
export { InMemorySessionStore } from "./repositories/in-memory-session-store";
export { RedisSessionStore } from "./repositories/redis-session-store";
export type { ISessionStore } from "./repositories/session-store";
export { InMemoryUserRepository } from "./repositories/in-memory-user-repository";
export { UserAlreadyExistsError } from "./repositories/user-repository";
export type { IUserRepository } from "./repositories/user-repository";
export type { Session } from "./domain/session";
export type { PublicUser, User } from "./domain/user";
export type { AuthenticationResult, SessionRejection, SessionUser } from "./use-cases/authenticate-session";
export type { SignInResult } from "./use-cases/sign-in";
export type { ChangeUserRoles, ChangeUserRolesInput } from "./use-cases/change-user-roles";
export type { AuthRouter } from "./trpc/router";
// @anchor:exports
// @anchor:realtime-channels
