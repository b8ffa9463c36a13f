import type { RealtimeConnectionStatus } from "./connection-status";

/**
 * What a status overlay shows about one client's connection. A new object on
 * every change (and the same one in between), so React's `useSyncExternalStore`
 * can compare snapshots by identity.
 */
export interface RealtimeConnectionDiagnostics {
  readonly status: RealtimeConnectionStatus;
  /** Failed connection attempts since the last successful connect (0 while connected). */
  readonly reconnectAttempts: number;
  /** Successful connects since the client was created (more than 1: it came back after a drop). */
  readonly connects: number;
  /** The protocol version this client sends as `auth.version`. */
  readonly protocolVersion: string;
  /** The server's protocol version, once it refused this client with `VERSION_MISMATCH` (when it said). */
  readonly serverProtocolVersion: string | null;
}

/**
 * Counts attempts and connects for `RealtimeClient.diagnostics`; the status
 * itself stays in `ConnectionStatus`, which this only mirrors into the snapshot.
 */
export class ConnectionDiagnostics {
  #snapshot: RealtimeConnectionDiagnostics;
  readonly #listeners = new Set<(diagnostics: RealtimeConnectionDiagnostics) => void>();

  constructor(status: RealtimeConnectionStatus, protocolVersion: string) {
    this.#snapshot = Object.freeze({ status, reconnectAttempts: 0, connects: 0, protocolVersion, serverProtocolVersion: null });
  }

  get snapshot(): RealtimeConnectionDiagnostics {
    return this.#snapshot;
  }

  listen(listener: (diagnostics: RealtimeConnectionDiagnostics) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  statusChanged(status: RealtimeConnectionStatus): void {
    this.#update({ status });
  }

  connected(): void {
    this.#update({ reconnectAttempts: 0, connects: this.#snapshot.connects + 1 });
  }

  attemptFailed(): void {
    this.#update({ reconnectAttempts: this.#snapshot.reconnectAttempts + 1 });
  }

  versionRefused(serverProtocolVersion: string | null): void {
    this.#update({ serverProtocolVersion });
  }

  #update(change: Partial<RealtimeConnectionDiagnostics>): void {
    this.#snapshot = Object.freeze({ ...this.#snapshot, ...change });
    for (const listener of this.#listeners) listener(this.#snapshot);
  }
}
