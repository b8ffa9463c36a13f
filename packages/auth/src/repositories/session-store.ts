import type { Session } from "../domain/session";

/** Default bound on live sessions per user (`AUTH_MAX_SESSIONS_PER_USER`). */
export const DEFAULT_MAX_SESSIONS_PER_USER = 20;

/**
 * Where sessions live. Implementations must never return a session past its
 * `expiresAt`, and must forget it by then (TTL) so storage stays bounded.
 * Each user holds at most `maxSessionsPerUser` sessions: creating one more
 * revokes that user's oldest, in time independent of how many sessions
 * exist (no scan on sign-in).
 */
export interface ISessionStore {
  /** Stores a new session until its `expiresAt`; resolves the ids of the user's sessions it revoked to stay within the bound (oldest first). */
  create(session: Session): Promise<readonly string[]>;
  /** The session, or `null` when it never existed, was deleted, revoked or has expired. */
  get(sessionId: string): Promise<Session | null>;
  /** Ends a session; resolves `true` when one was deleted. */
  delete(sessionId: string): Promise<boolean>;
}
