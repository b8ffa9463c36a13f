import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { lintWithGuards, listLintedFiles } from "./__tests__/lint-repo";
import { FIXTURES_DIR } from "./__tests__/rule-test-kit";
import { recommended } from "./plugin";

const fixtureRepo = join(FIXTURES_DIR, "workspace");

describe("ESLint over the fixture repo", () => {
  it("reports exactly the one seeded violation of each rule, all in the broken feature", async () => {
    const files = listLintedFiles(fixtureRepo);
    expect(files).toContain("packages/polls/src/bind-dev-seed.ts");

    const findings = await lintWithGuards(fixtureRepo, files, recommended);

    expect(findings.map(({ file, ruleId }) => ({ file, ruleId }))).toEqual([
      { file: "packages/broken/src/audit.ts", ruleId: "@repo/no-handler-reexport" },
      { file: "packages/broken/src/index.ts", ruleId: "@repo/no-realtime-handler-reexport" },
      { file: "packages/broken/src/notify.ts", ruleId: "@repo/no-direct-socket-io" },
      { file: "packages/broken/src/queue.ts", ruleId: "@repo/no-direct-job-vendor" },
      { file: "packages/broken/src/tally-votes.ts", ruleId: "@repo/no-cross-feature-internals" },
    ]);
    for (const finding of findings) expect(finding.message).toMatch(/\binstead\b/);
  });
});
