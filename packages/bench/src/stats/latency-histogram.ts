/**
 * Buckets per doubling of the value. 32 gives about 2.2 % relative width per
 * bucket: percentiles are reported to that precision, which is far below the
 * 10-15 % run-to-run noise of a shared machine.
 */
const BUCKETS_PER_OCTAVE = 32;

/** Values below 1 µs (clock granularity, same-tick deliveries) all land in bucket 0. */
function bucketOf(micros: number): number {
  if (!(micros > 1)) return 0;
  return Math.floor(Math.log2(micros) * BUCKETS_PER_OCTAVE) + 1;
}

/** The upper edge of a bucket, in µs: a percentile never under-reports latency. */
function upperEdgeOf(bucket: number): number {
  return bucket === 0 ? 1 : 2 ** (bucket / BUCKETS_PER_OCTAVE);
}

/** A histogram's wire form between processes: sparse `[bucket, count]` pairs. */
export type HistogramBuckets = readonly (readonly [number, number])[];

/**
 * A log-bucketed latency histogram in microseconds. Load drivers record
 * millions of samples; keeping counts instead of samples keeps their memory
 * flat and lets the orchestrator merge the histograms of several processes.
 *
 * @example
 * const h = new LatencyHistogram();
 * h.record(1_250); // 1.25 ms
 * h.percentile(0.99); // ≈ 1_250
 */
export class LatencyHistogram {
  readonly #counts = new Map<number, number>();
  #total = 0;
  #max = 0;

  get count(): number {
    return this.#total;
  }

  /** Largest value recorded, exactly (not bucketed). */
  get max(): number {
    return this.#max;
  }

  record(micros: number): void {
    const bucket = bucketOf(micros);
    this.#counts.set(bucket, (this.#counts.get(bucket) ?? 0) + 1);
    this.#total++;
    if (micros > this.#max) this.#max = micros;
  }

  /** Adds another histogram's buckets (from another process). */
  merge(buckets: HistogramBuckets, max = 0): void {
    for (const [bucket, count] of buckets) {
      if (!Number.isInteger(bucket) || bucket < 0 || !Number.isInteger(count) || count < 0) {
        throw new RangeError(`Invalid histogram bucket [${bucket}, ${count}]`);
      }
      this.#counts.set(bucket, (this.#counts.get(bucket) ?? 0) + count);
      this.#total += count;
    }
    if (max > this.#max) this.#max = max;
  }

  toBuckets(): HistogramBuckets {
    return [...this.#counts.entries()].sort((a, b) => a[0] - b[0]);
  }

  /**
   * The value at quantile `q` (0..1], as the upper edge of its bucket, capped
   * at the exact maximum; `NaN` when nothing was recorded.
   */
  percentile(q: number): number {
    if (!(q > 0 && q <= 1)) throw new RangeError(`Quantile must be in (0, 1], got ${q}`);
    if (this.#total === 0) return Number.NaN;
    const rank = Math.ceil(q * this.#total);
    let seen = 0;
    for (const [bucket, count] of this.toBuckets()) {
      seen += count;
      if (seen >= rank) return Math.min(upperEdgeOf(bucket), this.#max);
    }
    return this.#max;
  }

  reset(): void {
    this.#counts.clear();
    this.#total = 0;
    this.#max = 0;
  }
}
