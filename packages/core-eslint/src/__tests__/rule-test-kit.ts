import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { RuleTester } from "@typescript-eslint/rule-tester";

import { findRepoRoot } from "../repo-root";

/** packages/core-eslint/fixtures: mini-repos with their own pnpm-workspace.yaml. */
export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** An absolute path inside the `workspace` fixture repo. */
export function inWorkspace(repoPath: string): string {
  return join(FIXTURES_DIR, "workspace", repoPath);
}

/** An absolute path inside the `barrels` fixture repo. */
export function inBarrels(repoPath: string): string {
  return join(FIXTURES_DIR, "barrels", repoPath);
}

/**
 * 1-based line and column of the first `needle` in `code`, so an expected report location is
 * written as "the specifier string" rather than as magic numbers.
 *
 * @example
 * locationOf('import x from "a";', '"a"'); // { line: 1, column: 15 }
 */
export function locationOf(code: string, needle: string): { line: number; column: number } {
  const index = code.indexOf(needle);
  if (index === -1) throw new Error(`"${needle}" does not occur in the test code:\n${code}`);
  const before = code.slice(0, index).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** RuleTester with typescript-eslint's parser; vitest.setup.ts wires it to vitest. */
export const ruleTester = new RuleTester();

/**
 * The root of the repo this package sits in (tests that check the real repo use it), found by
 * pnpm-workspace.yaml rather than hard-coded.
 */
export function requireRepoRoot(): string {
  const root = findRepoRoot(import.meta.dirname);
  if (root === undefined) throw new Error(`no pnpm-workspace.yaml above ${import.meta.dirname}`);
  return root;
}
