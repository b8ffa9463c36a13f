import { describe, expect, it } from "vitest";
import { RingBuffer } from "./ring-buffer";

describe("RingBuffer", () => {
  it("keeps the most recent items up to its capacity, oldest first", () => {
    const buffer = new RingBuffer<number>(3);
    expect(buffer.oldestFirst()).toEqual([]);
    expect([1, 2, 3].map((n) => buffer.push(n))).toEqual([undefined, undefined, undefined]);
    expect(buffer.push(4)).toBe(1);
    expect(buffer.oldestFirst()).toEqual([2, 3, 4]);
    buffer.push(5);
    expect(buffer.oldestFirst()).toEqual([3, 4, 5]);
    const fresh = new RingBuffer<number>(3);
    [1, 2].forEach((n) => fresh.push(n));
    expect(fresh.oldestFirst()).toEqual([1, 2]);
    expect(buffer.oldestFirst(2)).toEqual([4, 5]);
    expect(buffer.oldestFirst(0)).toEqual([]);
    expect(buffer.size).toBe(3);
  });

  it.each([0, -1, 2.5])("refuses a capacity of %s", (capacity) => {
    expect(() => new RingBuffer(capacity)).toThrow(RangeError);
  });
});
