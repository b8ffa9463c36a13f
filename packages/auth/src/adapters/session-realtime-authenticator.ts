import { RealtimeError } from "@repo/core-realtime";
import type { RealtimeUser } from "@repo/core-realtime";
import type { IRealtimeAuthenticator, RealtimeCredentials } from "@repo/core-realtime/server";
import { readSessionCookie } from "../http/session-cookie";
import type { ReadSessionCookieOptions } from "../http/session-cookie";
import type { AuthenticateSession, SessionRejection } from "../use-cases/authenticate-session";

const REJECTION_MESSAGES: Record<SessionRejection, string> = {
  "invalid-signature": "Session token is not valid",
  "no-session": "Session has ended; sign in again",
  expired: "Session has expired; sign in again",
  "unknown-user": "Session has ended; sign in again",
};

/**
 * Gate 1 for sockets and the identity of HTTP requests: an explicit token
 * (`auth.token` / Bearer) wins over the `session` cookie. No credentials is
 * anonymous (`null`); bad credentials throw `RealtimeError("UNAUTHENTICATED")`.
 *
 * @example
 * const authenticator = new SessionRealtimeAuthenticator(authenticateSession);
 * await authenticator.authenticate({ cookieHeader: "session=..." }); // { userId, roles, sessionId, expiresAt }
 */
export class SessionRealtimeAuthenticator implements IRealtimeAuthenticator {
  readonly #authenticateSession: AuthenticateSession;
  readonly #cookie: ReadSessionCookieOptions;

  /** `cookie.hostOnly` (production): only the `__Host-session` cookie is read. */
  constructor(authenticateSession: AuthenticateSession, cookie: ReadSessionCookieOptions = {}) {
    this.#authenticateSession = authenticateSession;
    this.#cookie = cookie;
  }

  async authenticate(credentials: RealtimeCredentials): Promise<RealtimeUser | null> {
    const token = nonEmpty(credentials.token) ?? readSessionCookie(credentials.cookieHeader, this.#cookie);
    if (token === undefined) return null;
    const result = await this.#authenticateSession(token);
    if (result.kind === "rejected") throw new RealtimeError("UNAUTHENTICATED", REJECTION_MESSAGES[result.reason]);
    return result.user;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
