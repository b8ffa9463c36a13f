export type RealtimeConnectionStatus =
  | "connecting"
  | "connected"
  | "reconnecting"
  | "disconnected"
  | "degraded"
  | "version-mismatch";

/**
 * The status a UI shows, with its listeners. `version-mismatch` is final
 * (the page must reload to get a compatible client) until the client is
 * closed, which makes it `disconnected`.
 */
export class ConnectionStatus {
  #current: RealtimeConnectionStatus = "connecting";
  readonly #listeners = new Set<(status: RealtimeConnectionStatus) => void>();

  get current(): RealtimeConnectionStatus {
    return this.#current;
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  listen(listener: (status: RealtimeConnectionStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  set(status: RealtimeConnectionStatus): void {
    if (this.#current === status || (this.#current === "version-mismatch" && status !== "disconnected")) return;
    this.#current = status;
    for (const listener of this.#listeners) listener(status);
  }
}
