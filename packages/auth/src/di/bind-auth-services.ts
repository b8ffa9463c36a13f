import type { BindContext, Container } from "@repo/core-di";
import { SessionRealtimeAuthenticator } from "../adapters/session-realtime-authenticator";
import { InMemorySessionStore } from "../repositories/in-memory-session-store";
import { RedisSessionStore } from "../repositories/redis-session-store";
import type { ISessionStore } from "../repositories/session-store";
import type { IUserRepository } from "../repositories/user-repository";
import { Argon2PasswordHasher } from "../services/argon2-password-hasher";
import type { IPasswordHasher } from "../services/password-hasher";
import { createSessionTokenSigner } from "../services/session-token";
import { authenticateSessionUseCase } from "../use-cases/authenticate-session";
import { changeUserRolesUseCase } from "../use-cases/change-user-roles";
import { createUserUseCase } from "../use-cases/create-user";
import { listUsersUseCase } from "../use-cases/list-users";
import { signInUseCase } from "../use-cases/sign-in";
import { openSessionFor } from "../use-cases/open-session";
import { signOutUseCase } from "../use-cases/sign-out";
import { signUpUseCase } from "../use-cases/sign-up";
import { featureRedisPrefix, instrumentUseCase } from "@repo/core-di";
import { AuthSymbols } from "./symbols";

export interface AuthRepositories {
  readonly users: IUserRepository;
  readonly sessions: ISessionStore;
  readonly hasher?: IPasswordHasher;
}

/** Redis when the app has a connection (sessions shared by every instance), memory otherwise. */
export function selectSessionStore(ctx: Pick<BindContext, "config" | "redis">): ISessionStore {
  const maxSessionsPerUser = ctx.config.authLimits?.maxSessionsPerUser;
  const bound = maxSessionsPerUser === undefined ? {} : { maxSessionsPerUser };
  return ctx.redis === null
    ? new InMemorySessionStore(bound)
    : new RedisSessionStore(ctx.redis, { keyPrefix: featureRedisPrefix(ctx, "auth:session:"), ...bound });
}

/**
 * The bindings both bind files share: repositories, then each use case in
 * its span+capture sandwich, then the realtime authenticator built on them.
 * Each bind file picks the repositories and adds its own bindings after.
 *
 * @example
 * bindAuthServices(container, ctx, { users: new SqlUserRepository(ctx.database), sessions: selectSessionStore(ctx) });
 */
export function bindAuthServices(container: Container, ctx: BindContext, repositories: AuthRepositories): void {
  const users = repositories.users;
  const sessions = repositories.sessions;
  const hasher = repositories.hasher ?? new Argon2PasswordHasher();
  const tokens = createSessionTokenSigner(ctx.config.sessionSecret);
  container.bind(AuthSymbols.userRepository, users);
  container.bind(AuthSymbols.sessionStore, sessions);
  container.bind(AuthSymbols.passwordHasher, hasher);
  container.bind(AuthSymbols.sessionTokens, tokens);

  const createUser = createUserUseCase({ users, hasher });
  container.bind(AuthSymbols.createUser, instrumentUseCase(ctx, "auth.createUser", createUser));
  container.bind(
    AuthSymbols.signUp,
    instrumentUseCase(
      ctx,
      "auth.signUp",
      signUpUseCase({ createUser, openSession: openSessionFor({ sessions, tokens, ttlSeconds: ctx.config.sessionTtlSeconds, realtimeServer: ctx.realtimeServer }) }),
    ),
  );
  container.bind(
    AuthSymbols.signIn,
    instrumentUseCase(ctx, "auth.signIn", signInUseCase({ users, sessions, hasher, tokens, ttlSeconds: ctx.config.sessionTtlSeconds, realtimeServer: ctx.realtimeServer })),
  );
  container.bind(
    AuthSymbols.signOut,
    instrumentUseCase(ctx, "auth.signOut", signOutUseCase({ sessions, tokens, realtimeServer: ctx.realtimeServer })),
  );
  container.bind(AuthSymbols.listUsers, instrumentUseCase(ctx, "auth.listUsers", listUsersUseCase({ users })));
  container.bind(
    AuthSymbols.changeUserRoles,
    instrumentUseCase(ctx, "auth.changeUserRoles", changeUserRolesUseCase({ users, realtimeServer: ctx.realtimeServer })),
  );
  const authenticateSession = instrumentUseCase(ctx, "auth.authenticateSession", authenticateSessionUseCase({ users, sessions, tokens }));
  container.bind(AuthSymbols.authenticateSession, authenticateSession);
  container.bind(AuthSymbols.realtimeAuthenticator, new SessionRealtimeAuthenticator(authenticateSession, { hostOnly: ctx.config.secureCookies }));
}
