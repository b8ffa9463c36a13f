import { describe, expect, it } from "vitest";
import { checkDeliveries, percentile } from "./measure-publish-path";
import type { Receipt } from "./outbox-subscribers";

const receipt = (writer: number, n: number): Receipt => ({ writer, n, sentAt: 0, receivedAt: 1 });

describe("percentile", () => {
  it.each([
    { values: [], p: 0.5, expected: null },
    { values: [7], p: 0.99, expected: 7 },
    { values: [5, 1, 4, 2, 3], p: 0.5, expected: 3 },
    { values: Array.from({ length: 100 }, (_, i) => 100 - i), p: 0.99, expected: 99 },
  ])("nearest rank: p$p of $values.length values is $expected", ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe("checkDeliveries", () => {
  it("counts nothing when every writer's messages arrived once, in order (writers interleaved)", () => {
    expect(checkDeliveries([receipt(0, 0), receipt(1, 0), receipt(0, 1), receipt(1, 1)], 2, 2)).toEqual({ lost: 0, duplicates: 0, outOfOrder: 0 });
  });

  it("counts a missing message, a duplicate and an order break per channel", () => {
    expect(checkDeliveries([receipt(0, 1), receipt(0, 0), receipt(0, 0), receipt(1, 0)], 2, 2)).toEqual({ lost: 1, duplicates: 1, outOfOrder: 1 });
  });
});
