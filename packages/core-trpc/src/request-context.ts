import type { RealtimeUser } from "@repo/core-realtime";

/**
 * What every procedure sees. The app builds it per request from the session
 * cookie or `Authorization: Bearer` token, through the same authenticator the
 * realtime server uses, so HTTP and sockets agree on who is signed in.
 */
export interface RequestContext {
  readonly user: RealtimeUser | null;
  /** Correlates log lines of one request; echoed as `x-request-id`. */
  readonly requestId: string;
}
