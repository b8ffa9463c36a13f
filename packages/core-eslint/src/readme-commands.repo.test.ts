import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { requireRepoRoot } from "./__tests__/rule-test-kit";

const repoRoot = requireRepoRoot();
const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const ciRun = readFileSync(join(repoRoot, ".ci/run"), "utf8");

/** The bodies of the README's fenced `sh` blocks, in order. */
function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => (match[1] ?? "").trim());
}

describe("the README's two set-up commands", () => {
  const [serve, test] = shellBlocks(readme);

  it("come first: one installs and serves (pnpm start), one installs and runs the suite (pnpm test)", () => {
    expect(readme.indexOf("```sh")).toBeLessThan(readme.indexOf("\n## ", readme.indexOf("## Set up") + 1));
    expect(serve).toMatch(/install --frozen-lockfile && npx --yes pnpm@[\d.]+ start$/);
    expect(test).toMatch(/install --frozen-lockfile && npx --yes pnpm@[\d.]+ test$/);
  });

  it("are what CI runs: .ci/run calls the test command verbatim, as a command line, not a comment", () => {
    const commandLines = ciRun.split("\n").filter((line) => !line.trimStart().startsWith("#"));
    expect(commandLines).toContain(test);
  });

  it("pin the same pnpm as the workspace's packageManager", () => {
    const { packageManager } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { packageManager: string };
    expect(serve).toContain(`npx --yes ${packageManager}`);
    expect(test).toContain(`npx --yes ${packageManager}`);
  });
});
