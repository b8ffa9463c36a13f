import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlopTypes } from "@turbo/gen";
import { describe, expect, it } from "vitest";
import { GENERATOR_NAMES, genArgsProblem } from "../bin/gen.mjs";
import generators from "../config";
import { findRepoRoot } from "./__tests__/repo-root";

/** The generator names `config.ts` registers, read through a plop that only records them. */
function registeredGenerators(): string[] {
  const names: string[] = [];
  const plop = {
    getDestBasePath: () => findRepoRoot(),
    getPlopfilePath: () => `${findRepoRoot()}/turbo/generators`,
    setHelper: () => undefined,
    setGenerator: (name: string) => names.push(name),
  } as unknown as PlopTypes.NodePlopAPI;
  generators(plop);
  return names;
}

describe("pnpm gen (bin/gen.mjs)", () => {
  it("knows exactly the generators config.ts registers", () => {
    expect([...GENERATOR_NAMES].sort()).toEqual(registeredGenerators().sort());
  });

  it.each([
    { args: ["feature", "--args", "polls"], interactive: false },
    { args: ["root/realtime", "--args", "channel", "polls", "votes"], interactive: false },
    { args: [], interactive: true },
    { args: ["--args", "polls"], interactive: true },
  ])("hands $args (terminal: $interactive) to @turbo/gen", ({ args, interactive }) => {
    expect(genArgsProblem(args, interactive)).toBeNull();
  });

  it.each([
    { args: ["nope", "--args", "x"], interactive: true, problem: 'unknown generator "nope"' },
    { args: ["other/feature"], interactive: true, problem: 'unknown generator "other/feature"' },
    { args: [], interactive: false, problem: "no generator named and stdin is not a terminal" },
    { args: ["--args", "polls"], interactive: false, problem: "no generator named" },
  ])("refuses $args (terminal: $interactive) before the CLI's picker could exit 0", ({ args, interactive, problem }) => {
    expect(genArgsProblem(args, interactive)).toContain(problem);
  });
});

describe("the docs show pnpm gen first", () => {
  // `pnpm turbo gen` exits 0 on a refusal; the first generator command a reader meets must be the
  // one whose exit code means something (generators.repo.test.ts runs it).
  it.each(["README.md", "AGENTS.md", "turbo/generators/README.md"])("%s", (doc) => {
    const text = readFileSync(join(findRepoRoot(), doc), "utf8");
    const first = /pnpm (?:turbo gen|exec gen run|gen) [\w-]+ --args/.exec(text)?.[0];
    expect(first).toMatch(/^pnpm gen (feature|core-package|realtime) --args$/);
  });
});
