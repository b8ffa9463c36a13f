/**
 * A signed-in browser or client. The id is random and secret; clients hold
 * it only inside a signed token (see `session-token.ts`).
 */
export interface Session {
  readonly id: string;
  readonly userId: string;
  /** Epoch ms. */
  readonly createdAt: number;
  /** Epoch ms after which the session is no longer valid. */
  readonly expiresAt: number;
}
