/**
 * One pending deadline for a channel's ordering hole: either "ask for a
 * replay when the hole is still open" or "give up waiting for the replay".
 * At most one runs at a time; the ordering logic stays pure (see
 * `ChannelSequenceTracker`) and this object owns the clock.
 */
export class GapTimer {
  readonly #timeoutMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Runs `onTimeout` after the timeout; does nothing when a deadline is already running. */
  start(onTimeout: () => void): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      onTimeout();
    }, this.#timeoutMs);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
