import { describe, expect, it } from "vitest";

import { lintWithGuards, listLintedFiles } from "./__tests__/lint-repo";
import { requireRepoRoot } from "./__tests__/rule-test-kit";
import { repoGuards } from "./plugin";

const repoRoot = requireRepoRoot();

describe("ESLint over this repo", () => {
  const files = listLintedFiles(repoRoot);

  it("covers the source of every package and none of the fixtures", () => {
    expect(files).toContain("packages/core-eslint/src/index.ts");
    expect(files).toContain("tooling/eslint/src/index.ts");
    expect(files.filter((file) => /(^|\/)(node_modules|fixtures|dist|\.next)\//.test(file))).toEqual([]);
  });

  it("finds no violation of the architecture guards (the config pnpm lint applies)", async () => {
    const findings = await lintWithGuards(repoRoot, files, repoGuards);
    expect(findings, findings.map((finding) => `${finding.file}: ${finding.ruleId ?? "fatal"}: ${finding.message}`).join("\n")).toEqual([]);
    // Every source file of the repo, parsed once: minutes, not seconds, when CI runs it beside the other suites.
  }, 300_000);
});
