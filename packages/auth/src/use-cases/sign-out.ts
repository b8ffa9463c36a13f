import type { IRealtimeServer } from "@repo/core-realtime/server";
import type { ISessionStore } from "../repositories/session-store";
import type { SessionTokenSigner } from "../services/session-token";

export interface SignOutDeps {
  readonly sessions: ISessionStore;
  readonly tokens: SessionTokenSigner;
  /** `null` when no realtime transport runs (tests, page handlers). */
  readonly realtimeServer: Pick<IRealtimeServer, "disconnectSession"> | null;
}

interface SignOutResult {
  /** A stored session was deleted. */
  readonly signedOut: boolean;
}

export type SignOut = (token: string) => Promise<SignOutResult>;

/**
 * Ends the session behind a token and disconnects that session's sockets,
 * on every instance, and no one else's. A validly signed token whose session
 * already expired still disconnects its sockets; a forged one does nothing.
 *
 * @example
 * const signOut = signOutUseCase({ sessions, tokens, realtimeServer });
 * await signOut(token); // { signedOut: true }
 */
export function signOutUseCase(deps: SignOutDeps): SignOut {
  return async (token) => {
    const sessionId = deps.tokens.verify(token);
    if (sessionId === null) return { signedOut: false };
    const signedOut = await deps.sessions.delete(sessionId);
    await deps.realtimeServer?.disconnectSession(sessionId, "signed-out");
    return { signedOut };
  };
}
