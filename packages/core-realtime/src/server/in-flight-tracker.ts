/**
 * Counts work that has started and not yet settled, so a graceful shutdown
 * can wait for it (bounded) before closing connections.
 *
 * @example
 * const inFlight = new InFlightTracker();
 * void inFlight.track(handleFrame());
 * await inFlight.drain(5_000);
 */
export class InFlightTracker {
  readonly #pending = new Set<Promise<unknown>>();
  #waiters: (() => void)[] = [];

  get size(): number {
    return this.#pending.size;
  }

  /** Returns `work` itself; it is forgotten once it settles, whichever way. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work);
    // Inline arrows, not a named local: tsx (keepNames) wraps every named closure in `__name`, which
    // costs microseconds per call, and this runs once per client frame.
    work.then(
      () => this.#settle(work),
      () => this.#settle(work),
    );
    return work;
  }

  #settle(work: Promise<unknown>): void {
    this.#pending.delete(work);
    if (this.#pending.size === 0) {
      const waiters = this.#waiters;
      this.#waiters = [];
      waiters.forEach((wake) => wake());
    }
  }

  /** Resolves `true` once nothing is in flight, or `false` when `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.#pending.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((wake) => wake !== done);
        resolve(false);
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      this.#waiters.push(done);
    });
  }
}
