import { randomBytes } from "node:crypto";
import type { Session } from "../domain/session";
import { toPublicUser } from "../domain/user";
import type { PublicUser } from "../domain/user";
import type { IUserRepository } from "../repositories/user-repository";
import type { IPasswordHasher } from "../services/password-hasher";
import { openSessionFor } from "./open-session";
import type { OpenSessionDeps } from "./open-session";

export interface SignInDeps extends OpenSessionDeps {
  readonly users: IUserRepository;
  readonly hasher: IPasswordHasher;
}

interface SignInInput {
  readonly username: string;
  readonly password: string;
}

/** A wrong password is an expected outcome, so it is a value, not an exception. */
export type SignInResult =
  | { readonly ok: true; readonly token: string; readonly session: Session; readonly user: PublicUser }
  | { readonly ok: false; readonly code: "INVALID_CREDENTIALS" };

export type SignIn = (input: SignInInput) => Promise<SignInResult>;

const INVALID: SignInResult = Object.freeze({ ok: false, code: "INVALID_CREDENTIALS" });

/**
 * Checks a username and password and opens a session. The answer for an
 * unknown user and for a wrong password is the same, and takes as long (a
 * hash is verified either way), so sign-in cannot be used to list usernames.
 *
 * @example
 * const signIn = signInUseCase({ users, sessions, hasher, tokens, ttlSeconds: 86_400 });
 * const result = await signIn({ username: "alice", password: "alice-password" });
 * if (result.ok) res.setHeader("set-cookie", serializeSessionCookie(result.token, cookieOptions));
 */
export function signInUseCase(deps: SignInDeps): SignIn {
  const openSession = openSessionFor(deps);
  let decoyHash: Promise<string> | undefined;
  const decoy = (): Promise<string> => (decoyHash ??= deps.hasher.hash(randomBytes(16).toString("hex")));

  return async ({ username, password }) => {
    const user = await deps.users.findByUsername(username);
    const matches = await deps.hasher.verify(user?.passwordHash ?? (await decoy()), password);
    if (user === null || !matches) return INVALID;
    const { token, session } = await openSession(user.id);
    return { ok: true, token, session, user: toPublicUser(user) };
  };
}
