import { describe, expect, it } from "vitest";
import { median, ratio } from "./ratio";

describe("ratio", () => {
  it.each([
    { ours: 95_000, baseline: 100_000, expected: 0.95 },
    { ours: 10.5, baseline: 10, expected: 1.05 },
    { ours: 0, baseline: 4, expected: 0 },
  ])("is ours / baseline ($ours / $baseline)", ({ ours, baseline, expected }) => {
    expect(ratio(ours, baseline)).toBeCloseTo(expected, 10);
  });

  it.each([
    { ours: null, baseline: 1 },
    { ours: 1, baseline: null },
    { ours: 1, baseline: 0 },
    { ours: Number.NaN, baseline: 1 },
    { ours: 1, baseline: Number.POSITIVE_INFINITY },
  ])("is null rather than 0 or ∞ when a side is missing ($ours / $baseline)", ({ ours, baseline }) => {
    expect(ratio(ours, baseline)).toBeNull();
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("is null for no values and leaves its input unsorted", () => {
    expect(median([])).toBeNull();
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
