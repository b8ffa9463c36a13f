import { token } from "@repo/core-di";
import type { IRealtimeAuthenticator } from "@repo/core-realtime/server";
import type { ISessionStore } from "../repositories/session-store";
import type { IUserRepository } from "../repositories/user-repository";
import type { IPasswordHasher } from "../services/password-hasher";
import type { SessionTokenSigner } from "../services/session-token";
import type { AuthenticateSession } from "../use-cases/authenticate-session";
import type { ChangeUserRoles } from "../use-cases/change-user-roles";
import type { CreateUser } from "../use-cases/create-user";
import type { ListUsers } from "../use-cases/list-users";
import type { SignIn } from "../use-cases/sign-in";
import type { SignOut } from "../use-cases/sign-out";
import type { SignUp } from "../use-cases/sign-up";

/** The auth feature's container keys (ADR-008). */
export const AuthSymbols = {
  userRepository: token<IUserRepository>("auth.userRepository"),
  sessionStore: token<ISessionStore>("auth.sessionStore"),
  passwordHasher: token<IPasswordHasher>("auth.passwordHasher"),
  sessionTokens: token<SessionTokenSigner>("auth.sessionTokens"),
  createUser: token<CreateUser>("auth.createUser"),
  signIn: token<SignIn>("auth.signIn"),
  signOut: token<SignOut>("auth.signOut"),
  /** Creates an account with no roles and signs it in (`POST /api/auth/signup`). */
  signUp: token<SignUp>("auth.signUp"),
  authenticateSession: token<AuthenticateSession>("auth.authenticateSession"),
  /** Every account without its hash (the Users page). */
  listUsers: token<ListUsers>("auth.listUsers"),
  /** Replaces a user's roles and re-runs the realtime gates for that user's sockets at once. */
  changeUserRoles: token<ChangeUserRoles>("auth.changeUserRoles"),
  /** Gate 1 of the realtime server and the identity of tRPC requests. */
  realtimeAuthenticator: token<IRealtimeAuthenticator>("auth.realtimeAuthenticator"),
  // @anchor:symbols
  // @anchor:realtime-symbols
} as const;
