/** Who a socket belongs to once gate 1 ran; `null` means anonymous. */
export interface RealtimeUser {
  readonly userId: string;
  readonly roles: readonly string[];
  /** How other people see this user (presence members); the authenticator's choice, e.g. the username. */
  readonly displayName?: string;
  /** Session behind the credentials, so logout can disconnect exactly that session's sockets. */
  readonly sessionId?: string;
  /** Epoch ms after which the credentials are no longer valid. */
  readonly expiresAt?: number;
}
