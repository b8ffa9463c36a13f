import type { RealtimeUser } from "../channels/realtime-user";

/** Credentials a connection presented: a browser's cookie header or a client's `auth.token`. */
export interface RealtimeCredentials {
  readonly cookieHeader?: string;
  readonly token?: string;
}

/**
 * Gate 1 looks users up through this. Return `null` for no credentials;
 * throw `RealtimeError("UNAUTHENTICATED")` for credentials that are invalid,
 * expired or revoked (the connection is then refused).
 */
export interface IRealtimeAuthenticator {
  authenticate(credentials: RealtimeCredentials): Promise<RealtimeUser | null>;
}
