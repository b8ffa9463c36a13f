import type { IRealtimeServer } from "@repo/core-realtime/server";
import type { Session } from "../domain/session";
import type { ISessionStore } from "../repositories/session-store";
import type { SessionTokenSigner } from "../services/session-token";

export interface OpenSessionDeps {
  readonly sessions: ISessionStore;
  readonly tokens: SessionTokenSigner;
  readonly ttlSeconds: number;
  readonly now?: () => number;
  /** Disconnects the sockets of sessions the store revoked to stay within its per-user bound; `null` without a transport. */
  readonly realtimeServer?: Pick<IRealtimeServer, "disconnectSession"> | null;
}

export type OpenSession = (userId: string) => Promise<{ readonly token: string; readonly session: Session }>;

/**
 * Stores a new session for a user whose identity is already proven (sign-in,
 * sign-up) and signs its token.
 *
 * @example
 * const { token } = await openSessionFor(deps)("alice");
 */
export function openSessionFor(deps: OpenSessionDeps): OpenSession {
  const now = deps.now ?? Date.now;
  return async (userId) => {
    const createdAt = now();
    const session: Session = { id: deps.tokens.newSessionId(), userId, createdAt, expiresAt: createdAt + deps.ttlSeconds * 1000 };
    // Past the per-user bound the oldest sessions are revoked: their sockets go too, not at the next re-check.
    const revoked = await deps.sessions.create(session);
    for (const sessionId of revoked) await deps.realtimeServer?.disconnectSession(sessionId, "session-limit");
    return { token: deps.tokens.sign(session.id), session };
  };
}
