import { describe, expect, it } from "vitest";
import { RateSearch } from "./rate-search";
import type { RateSearchOptions } from "./rate-search";

const options: RateSearchOptions = { start: 1_000, growth: 2, resolution: 1.2, maxSteps: 20, maxRate: 1_000_000, minRate: 100 };

/** Runs a search against a machine whose true capacity is `capacity`; returns the rates tried. */
function runAgainst(capacity: number, overrides: Partial<RateSearchOptions> = {}): { tried: number[]; search: RateSearch } {
  const search = new RateSearch({ ...options, ...overrides });
  const tried: number[] = [];
  for (let rate = search.next; rate !== null; rate = search.next) {
    tried.push(rate);
    search.report(rate, rate <= capacity);
  }
  return { tried, search };
}

describe("RateSearch", () => {
  it("grows geometrically until a failure, then bisects to the resolution", () => {
    const { tried, search } = runAgainst(5_000);
    expect(tried.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    const best = search.highestPassing ?? 0;
    expect(best).toBeLessThanOrEqual(5_000);
    // Within the resolution of the true capacity.
    expect(5_000 / best).toBeLessThan(1.2);
  });

  it("searches downwards when the first rate already fails", () => {
    const { tried, search } = runAgainst(300);
    expect(tried.slice(0, 3)).toEqual([1_000, 500, 250]);
    expect(search.highestPassing).toBeGreaterThan(250);
    expect(search.highestPassing).toBeLessThanOrEqual(300);
  });

  it("ends with no passing rate when even the floor fails", () => {
    const { tried, search } = runAgainst(10);
    expect(tried.at(-1)).toBe(100);
    expect(search.highestPassing).toBeNull();
  });

  it("stops at the ceiling when everything passes", () => {
    const { tried, search } = runAgainst(Number.POSITIVE_INFINITY, { maxRate: 5_000 });
    expect(tried).toEqual([1_000, 2_000, 4_000, 5_000]);
    expect(search.highestPassing).toBe(5_000);
  });

  it("never takes more than maxSteps steps", () => {
    expect(runAgainst(5_000, { maxSteps: 3 }).tried).toHaveLength(3);
  });

  it("refuses options that could not converge", () => {
    expect(() => new RateSearch({ ...options, growth: 1 })).toThrow(RangeError);
    expect(() => new RateSearch({ ...options, resolution: 0.5 })).toThrow(RangeError);
    expect(() => new RateSearch({ ...options, minRate: 10, maxRate: 5 })).toThrow(RangeError);
  });
});
