import { existsSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { inBarrels, inWorkspace, locationOf } from "./rule-test-kit";

describe("locationOf", () => {
  it("finds a needle on a later line", () => {
    expect(locationOf('a;\nimport x from "y";', '"y"')).toEqual({ line: 2, column: 15 });
  });

  it("throws when the needle is absent, so a typo cannot pass silently", () => {
    expect(() => locationOf("a", "b")).toThrow(/does not occur/);
  });
});

describe("fixture paths", () => {
  it("point at the fixture repos' workspace files", () => {
    expect(existsSync(inWorkspace("pnpm-workspace.yaml"))).toBe(true);
    expect(existsSync(inBarrels("pnpm-workspace.yaml"))).toBe(true);
  });
});
