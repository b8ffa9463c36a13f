import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFixtureRepo } from "./__tests__/fixture-repo";
import type { FixtureRepo } from "./__tests__/fixture-repo";
import { corePackageFolder, corePackageProblems } from "./validate-core-package";

describe("corePackageProblems", () => {
  let repo: FixtureRepo;

  beforeEach(() => {
    repo = createFixtureRepo({ "packages/core-realtime/package.json": JSON.stringify({ name: "@repo/core-realtime" }) });
  });

  afterEach(() => repo.dispose());

  it("accepts a fresh name and places it in packages/core-<name>", () => {
    expect(corePackageProblems(repo.root, "search")).toEqual([]);
    expect(corePackageFolder("search")).toBe("core-search");
  });

  it.each([
    { name: "realtime", problem: "packages/core-realtime already exists; the generator never overwrites a package" },
    { name: "core-search", problem: 'already starts with "core-"' },
    { name: "Search", problem: "contains upper-case letters" },
    { name: "search.v2", problem: "contains a dot" },
    { name: "2search", problem: "starts with a digit" },
    { name: "", problem: "core package name is required" },
  ])("refuses $name ($problem)", ({ name, problem }) => {
    expect(corePackageProblems(repo.root, name).join("\n")).toContain(problem);
  });
});
