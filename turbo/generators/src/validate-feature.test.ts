import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appFiles, createFixtureRepo, featureFiles } from "./__tests__/fixture-repo";
import type { FixtureRepo } from "./__tests__/fixture-repo";
import { featureEntries, featureProblems } from "./validate-feature";

describe("featureProblems", () => {
  let repo: FixtureRepo;

  beforeEach(() => {
    repo = createFixtureRepo({
      ...featureFiles("polls", "PollsSymbols"),
      ...appFiles(["polls"]),
      "packages/core-di/package.json": JSON.stringify({ name: "@repo/core-di" }),
      "apps/e2e/package.json": JSON.stringify({ name: "@repo/e2e" }),
    });
  });

  afterEach(() => repo.dispose());

  it("accepts a fresh kebab-case name", () => {
    expect(featureProblems(repo.root, "live-scores")).toEqual([]);
  });

  it.each([
    { name: "Live Scores", problem: "contains whitespace" },
    { name: "polls/x", problem: "contains a path separator" },
    { name: "polls", problem: "packages/polls already exists" },
    { name: "e2e", problem: "a workspace package is already named @repo/e2e" },
    { name: "core-cache", problem: 'starts with "core-"' },
    { name: "realtime", problem: '"realtime" is reserved' },
  ])("refuses $name ($problem)", ({ name, problem }) => {
    expect(featureProblems(repo.root, name).join("\n")).toContain(problem);
  });

  it("refuses a name bind-all.ts already wires, even without its package", () => {
    repo.remove("packages/polls");
    expect(featureProblems(repo.root, "polls")).toEqual([
      'apps/web-next/src/bind-all.ts already wires a feature "polls"',
      "apps/web-next/package.json already depends on @repo/polls",
    ]);
  });

  it("refuses to run when bind-all.ts lost its anchor", () => {
    repo.write("apps/web-next/src/bind-all.ts", "const features = {};\n");
    expect(featureProblems(repo.root, "scores").join("\n")).toContain('lost its "// @anchor:features" line');
  });

  it("refuses to run when feature-migrations.ts lost its anchor or is missing (the feature's tables would never be created)", () => {
    repo.write("apps/web-next/src/feature-migrations.ts", "export const featureMigrations = [];\n");
    expect(featureProblems(repo.root, "scores").join("\n")).toContain('apps/web-next/src/feature-migrations.ts lost its "// @anchor:feature-migrations" line');
    repo.remove("apps/web-next/src/feature-migrations.ts");
    expect(featureProblems(repo.root, "scores").join("\n")).toContain("apps/web-next/src/feature-migrations.ts is missing");
  });
});

describe("featureEntries", () => {
  it("reads only the keys of the features object, not other objects of the file", () => {
    const source = 'const ctx = {\n  realtime: x,\n};\nconst features = {\n  auth: a,\n  "live-scores": b,\n  // @anchor:features\n};\n';
    expect(featureEntries(source)).toEqual(["auth", '"live-scores"']);
  });
});
