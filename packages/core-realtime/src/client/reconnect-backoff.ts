/** The longest wait between two connection attempts after refusals. */
export const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * When to try connecting again after the server refused a handshake or
 * closed the connection itself (Socket.IO retries transport failures on its
 * own, but not these). The delay doubles per attempt up to 30 s and starts
 * over once a connection succeeds.
 *
 * @example
 * const backoff = new ReconnectBackoff(1_000);
 * backoff.schedule(() => transport.connect()); // in 1 s, then 2 s, 4 s, ...
 * backoff.reset(); // connected: the next refusal waits 1 s again
 */
export class ReconnectBackoff {
  readonly #baseDelayMs: number;
  #nextDelayMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(baseDelayMs: number) {
    this.#baseDelayMs = baseDelayMs;
    this.#nextDelayMs = baseDelayMs;
  }

  /** Runs `attempt` after the current delay (replacing an attempt already waiting) and doubles the delay. */
  schedule(attempt: () => void): void {
    this.cancel();
    const delay = this.#nextDelayMs;
    this.#nextDelayMs = Math.min(delay * 2, MAX_RECONNECT_DELAY_MS);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      attempt();
    }, delay);
  }

  /** A connection succeeded: the next refusal waits the base delay again. */
  reset(): void {
    this.#nextDelayMs = this.#baseDelayMs;
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
