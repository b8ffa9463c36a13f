import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { docPathExists, docPathTokens } from "./__tests__/doc-paths";
import { requireRepoRoot } from "./__tests__/rule-test-kit";
import { listWorkspaceDirs } from "./workspace";

const repoRoot = requireRepoRoot();

describe("docPathTokens", () => {
  it("picks path-like tokens out of inline code and classifies them", () => {
    const markdown = [
      "Run `bash .ci/run`, then `pnpm --filter @repo/core-realtime test`.",
      "Layout: `apps/*`, `packages/<feature>/src/index.ts`, `tooling/eslint`, `src/index.ts`.",
      "Style: `../shared/STYLE.md`, `README.md`; not paths: `any`, `catch {}`, `https://x.dev/a.md`.",
      "```sh\ncat `packages/in-a-fence.ts`\n```",
    ].join("\n");
    expect(docPathTokens(markdown)).toEqual([
      { kind: "path", path: ".ci/run" },
      { kind: "pattern", path: "apps/*" },
      { kind: "pattern", path: "packages/<feature>/src/index.ts" },
      { kind: "path", path: "tooling/eslint" },
      { kind: "path", path: "src/index.ts" },
      { kind: "outside-repo", path: "../shared/STYLE.md" },
      { kind: "path", path: "README.md" },
    ]);
  });
});

describe("docPathExists", () => {
  it("finds root paths and package-relative paths, and nothing that escapes the repo", () => {
    const root = mkdtempSync(join(tmpdir(), "core-eslint-doc-"));
    try {
      mkdirSync(join(root, "packages", "a", "src"), { recursive: true });
      writeFileSync(join(root, "README.md"), "");
      writeFileSync(join(root, "packages", "a", "src", "index.ts"), "");
      const packageDirs = [join(root, "packages", "a")];
      expect(docPathExists(root, packageDirs, "README.md")).toBe(true);
      expect(docPathExists(root, packageDirs, "src/index.ts")).toBe(true);
      expect(docPathExists(root, packageDirs, "docs/adr/README.md")).toBe(false);
      expect(docPathExists(root, packageDirs, "../README.md")).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("AGENTS.md", () => {
  const agents = readFileSync(join(repoRoot, "AGENTS.md"), "utf8");
  const tokens = docPathTokens(agents);

  it("names paths (so this check is not vacuous)", () => {
    expect(tokens.filter((token) => token.kind === "path").length).toBeGreaterThan(0);
  });

  it("names only repo paths that exist", () => {
    const packageDirs = listWorkspaceDirs(repoRoot);
    const missing = tokens
      .filter((token) => token.kind === "path")
      .map((token) => token.path)
      .filter((path) => !docPathExists(repoRoot, packageDirs, path));
    expect(missing, `AGENTS.md names paths that do not exist:\n  ${missing.join("\n  ")}`).toEqual([]);
  });
});
