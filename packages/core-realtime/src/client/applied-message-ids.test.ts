import { describe, expect, it } from "vitest";
import { AppliedMessageIds } from "./applied-message-ids";

describe("AppliedMessageIds", () => {
  it("answers false for an id it already holds", () => {
    const applied = new AppliedMessageIds(10);
    expect([applied.add("a"), applied.add("b"), applied.add("a")]).toEqual([true, true, false]);
  });

  it("forgets the oldest id beyond its capacity, so memory stays bounded", () => {
    const applied = new AppliedMessageIds(3);
    for (const id of ["a", "b", "c", "d"]) applied.add(id);
    expect(applied.size).toBe(3);
    expect(applied.add("d")).toBe(false);
    expect(applied.add("a")).toBe(true);
  });

  it("refuses a capacity below one", () => {
    expect(() => new AppliedMessageIds(0)).toThrow(RangeError);
  });
});
