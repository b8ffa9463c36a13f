import type { Session } from "../domain/session";

/**
 * Where sessions live. Implementations must never return a session past its
 * `expiresAt`, and must forget it by then (TTL) so storage stays bounded.
 */
export interface ISessionStore {
  /** Stores a new session until its `expiresAt`. */
  create(session: Session): Promise<void>;
  /** The session, or `null` when it never existed, was deleted or has expired. */
  get(sessionId: string): Promise<Session | null>;
  /** Ends a session; resolves `true` when one was deleted. */
  delete(sessionId: string): Promise<boolean>;
}
