/** The running transport: what the app and the auth feature need from it. */
export interface IRealtimeServer {
  /** Disconnect every socket opened with this session (logout), on every instance. */
  disconnectSession(sessionId: string, reason?: string): Promise<void>;
  /** Re-run gates 1 and 2 for a user's sockets (roles changed, session revoked), on every instance. */
  reauthenticateUser(userId: string): Promise<void>;
  /** Tell clients about degraded or draining service. */
  setHealth(state: "ok" | "degraded" | "draining", reason?: string): void;
  /** Stop accepting, tell sockets, wait for in-flight handlers (bounded), close. */
  close(options?: { readonly drainTimeoutMs?: number }): Promise<void>;
}
