import type { RealtimeUser } from "@repo/core-realtime";
import type { ISessionStore } from "../repositories/session-store";
import type { IUserRepository } from "../repositories/user-repository";
import type { SessionTokenSigner } from "../services/session-token";

export interface AuthenticateSessionDeps {
  readonly users: IUserRepository;
  readonly sessions: ISessionStore;
  readonly tokens: SessionTokenSigner;
  readonly now?: () => number;
}

/** A signed-in user as every gate sees it, with the session behind it. */
type SessionUser = RealtimeUser & { readonly sessionId: string; readonly expiresAt: number };

export type SessionRejection =
  /** Not signed by this server's secret (forged or altered). */
  | "invalid-signature"
  /** Signed, but the store has no such session: signed out, revoked, or expired and forgotten. */
  | "no-session"
  | "expired"
  /** The session's user no longer exists. */
  | "unknown-user";

type AuthenticationResult =
  | { readonly kind: "authenticated"; readonly user: SessionUser }
  | { readonly kind: "rejected"; readonly reason: SessionRejection };

export type AuthenticateSession = (token: string) => Promise<AuthenticationResult>;

/**
 * Resolves a signed session token to its user. Roles come from the user
 * record, not the session, so a role change applies at the next check; the
 * username travels as `displayName` (what presence shows to others).
 *
 * @example
 * const result = await authenticateSession(token);
 * if (result.kind === "authenticated") result.user.roles;
 */
export function authenticateSessionUseCase(deps: AuthenticateSessionDeps): AuthenticateSession {
  const now = deps.now ?? Date.now;
  return async (token) => {
    const sessionId = deps.tokens.verify(token);
    if (sessionId === null) return { kind: "rejected", reason: "invalid-signature" };
    const session = await deps.sessions.get(sessionId);
    if (session === null) return { kind: "rejected", reason: "no-session" };
    if (session.expiresAt <= now()) return { kind: "rejected", reason: "expired" };
    const user = await deps.users.findById(session.userId);
    if (user === null) return { kind: "rejected", reason: "unknown-user" };
    return {
      kind: "authenticated",
      // The username is the name other people see (presence members); the id stays an opaque key.
      user: { userId: user.id, roles: [...user.roles], displayName: user.username, sessionId: session.id, expiresAt: session.expiresAt },
    };
  };
}
