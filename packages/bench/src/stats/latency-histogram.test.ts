import { describe, expect, it } from "vitest";
import { LatencyHistogram } from "./latency-histogram";

/** Bucket width is about 2.2 %: percentiles must land within that of the exact value. */
const within = (actual: number, expected: number): void => {
  expect(actual).toBeGreaterThanOrEqual(expected);
  expect(actual).toBeLessThanOrEqual(expected * 1.025);
};

describe("LatencyHistogram", () => {
  it("reports nearest-rank percentiles of 1..1000 µs to bucket precision", () => {
    const h = new LatencyHistogram();
    for (let v = 1; v <= 1000; v++) h.record(v);
    expect(h.count).toBe(1000);
    within(h.percentile(0.5), 500);
    within(h.percentile(0.95), 950);
    within(h.percentile(0.99), 990);
    expect(h.percentile(1)).toBe(1000);
    expect(h.max).toBe(1000);
  });

  it.each([
    { q: 0.5, expected: 10 },
    { q: 0.9, expected: 10 },
    { q: 0.99, expected: 100_000 },
  ])("sees a 2 % tail of 100 ms at p99 and not below ($q)", ({ q, expected }) => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 980; i++) h.record(10);
    for (let i = 0; i < 20; i++) h.record(100_000);
    within(h.percentile(q), expected);
  });

  it("never reports more than the exact maximum", () => {
    const h = new LatencyHistogram();
    h.record(1234.5);
    expect(h.percentile(0.5)).toBe(1234.5);
  });

  it("merges another process's buckets as if the samples were recorded here", () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    const both = new LatencyHistogram();
    for (let v = 1; v <= 500; v++) {
      a.record(v * 3);
      both.record(v * 3);
      b.record(v * 7);
      both.record(v * 7);
    }
    a.merge(b.toBuckets(), b.max);
    expect(a.count).toBe(both.count);
    expect(a.max).toBe(both.max);
    for (const q of [0.5, 0.95, 0.99]) expect(a.percentile(q)).toBe(both.percentile(q));
  });

  it("answers NaN when empty, and zero-ish values land in the first bucket", () => {
    const h = new LatencyHistogram();
    expect(h.percentile(0.99)).toBeNaN();
    h.record(0);
    h.record(-3);
    expect(h.percentile(0.99)).toBe(0);
  });

  it("refuses quantiles outside (0, 1] and malformed buckets", () => {
    const h = new LatencyHistogram();
    expect(() => h.percentile(0)).toThrow(RangeError);
    expect(() => h.percentile(1.5)).toThrow(RangeError);
    expect(() => h.merge([[-1, 3]])).toThrow(RangeError);
    expect(() => h.merge([[2, 0.5]])).toThrow(RangeError);
  });

  it("forgets everything on reset", () => {
    const h = new LatencyHistogram();
    h.record(50);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.max).toBe(0);
    expect(h.toBuckets()).toEqual([]);
  });
});
