import { randomBytes } from "node:crypto";
import type { IRealtimeServer } from "@repo/core-realtime/server";
import type { Session } from "../domain/session";
import { toPublicUser } from "../domain/user";
import type { PublicUser } from "../domain/user";
import type { ISessionStore } from "../repositories/session-store";
import type { IUserRepository } from "../repositories/user-repository";
import type { IPasswordHasher } from "../services/password-hasher";
import type { SessionTokenSigner } from "../services/session-token";

export interface SignInDeps {
  readonly users: IUserRepository;
  readonly sessions: ISessionStore;
  readonly hasher: IPasswordHasher;
  readonly tokens: SessionTokenSigner;
  readonly ttlSeconds: number;
  readonly now?: () => number;
  /** Disconnects the sockets of sessions the store revoked to stay within its per-user bound; `null` without a transport. */
  readonly realtimeServer?: Pick<IRealtimeServer, "disconnectSession"> | null;
}

export interface SignInInput {
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
  const now = deps.now ?? Date.now;
  let decoyHash: Promise<string> | undefined;
  const decoy = (): Promise<string> => (decoyHash ??= deps.hasher.hash(randomBytes(16).toString("hex")));

  return async ({ username, password }) => {
    const user = await deps.users.findByUsername(username);
    const matches = await deps.hasher.verify(user?.passwordHash ?? (await decoy()), password);
    if (user === null || !matches) return INVALID;
    const createdAt = now();
    const session: Session = {
      id: deps.tokens.newSessionId(),
      userId: user.id,
      createdAt,
      expiresAt: createdAt + deps.ttlSeconds * 1000,
    };
    // Past the per-user bound the oldest sessions are revoked: their sockets go too, not at the next re-check.
    const revoked = await deps.sessions.create(session);
    for (const sessionId of revoked) await deps.realtimeServer?.disconnectSession(sessionId, "session-limit");
    return { ok: true, token: deps.tokens.sign(session.id), session, user: toPublicUser(user) };
  };
}
