export interface RateSearchOptions {
  /** First rate tried. */
  readonly start: number;
  /** Factor between rates while nothing has failed yet (and, downwards, while nothing has passed). */
  readonly growth: number;
  /** Bisection stops once failing / passing rate is below this factor. */
  readonly resolution: number;
  /** Hard bound on the steps of one search. */
  readonly maxSteps: number;
  /** Rates are never raised above this (the load generator's own ceiling). */
  readonly maxRate: number;
  /** Rates are never lowered below this; failing there ends the search with no passing rate. */
  readonly minRate: number;
}

/**
 * Finds the highest rate that still passes (p99 under the bound, nothing
 * lost): grow geometrically until a step fails, then bisect geometrically
 * between the last pass and the first fail. Pure state, so the orchestrator
 * can run two of them side by side, one step each in turn.
 *
 * @example
 * const search = new RateSearch({ start: 10_000, growth: 1.6, resolution: 1.15, maxSteps: 10, maxRate: 2e6, minRate: 100 });
 * while (search.next !== null) search.report(search.next, await runStep(search.next));
 */
export class RateSearch {
  readonly #options: RateSearchOptions;
  #next: number | null;
  #passed: number | null = null;
  #failed: number | null = null;
  #steps = 0;

  constructor(options: RateSearchOptions) {
    if (!(options.growth > 1) || !(options.resolution > 1) || !(options.start > 0) || options.minRate > options.maxRate) {
      throw new RangeError("RateSearch needs growth > 1, resolution > 1, start > 0 and minRate <= maxRate");
    }
    this.#options = options;
    this.#next = Math.min(Math.max(options.start, options.minRate), options.maxRate);
  }

  /** The rate to try next, or `null` when the search is over. */
  get next(): number | null {
    return this.#next;
  }

  /** Highest passing rate seen, or `null` when no step passed. */
  get highestPassing(): number | null {
    return this.#passed;
  }

  report(rate: number, passed: boolean): void {
    const o = this.#options;
    this.#steps++;
    if (passed) this.#passed = Math.max(this.#passed ?? 0, rate);
    else this.#failed = Math.min(this.#failed ?? Number.POSITIVE_INFINITY, rate);
    if (this.#steps >= o.maxSteps) return void (this.#next = null);
    const pass = this.#passed;
    const fail = this.#failed;
    if (fail === null) {
      // Only passes so far: grow, unless already at the ceiling.
      this.#next = rate >= o.maxRate ? null : Math.min(rate * o.growth, o.maxRate);
    } else if (pass === null) {
      // Only failures so far: shrink, unless already at the floor.
      this.#next = rate <= o.minRate ? null : Math.max(rate / o.growth, o.minRate);
    } else if (fail / pass < o.resolution) {
      this.#next = null;
    } else {
      this.#next = Math.sqrt(pass * fail);
    }
  }
}
