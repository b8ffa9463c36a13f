import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { inWorkspace } from "./__tests__/rule-test-kit";
import { parseBareSpecifier, resolveFile, resolveModule } from "./module-resolution";
import { findRepoRoot } from "./repo-root";
import { readWorkspaceGlobs, readWorkspacePackages } from "./workspace";

const root = inWorkspace("");
const workspace = readWorkspacePackages(root);
const from = inWorkspace("packages/polls/src/use-cases/vote.ts");

describe("workspace discovery", () => {
  it("finds the fixture repo root from a nested file", () => {
    expect(findRepoRoot(dirname(from))).toBe(root.replace(/\/$/, ""));
  });

  it("reads the pnpm workspace globs and packages", () => {
    expect(readWorkspaceGlobs(root)).toEqual(["apps/*", "packages/*"]);
    expect([...workspace.keys()].sort()).toEqual([
      "@repo/broken",
      "@repo/core-events",
      "@repo/core-realtime",
      "@repo/polls",
      "@repo/web",
    ]);
  });
});

describe("resolveModule", () => {
  it("resolves relative paths to TypeScript files and index files", () => {
    const handler = resolveModule("../realtime/handlers/on-vote.handler", from, root, workspace);
    expect(handler).toMatchObject({ via: "relative", fileExists: true, bare: undefined });
    expect(handler.file).toBe(inWorkspace("packages/polls/src/realtime/handlers/on-vote.handler.ts"));
    expect(resolveFile(inWorkspace("packages/core-events/src")).path).toBe(inWorkspace("packages/core-events/src/index.ts"));
  });

  it("resolves package.json imports to files or packages", () => {
    expect(resolveModule("#handlers/on-vote.handler", from, root, workspace).file).toBe(
      inWorkspace("packages/polls/src/realtime/handlers/on-vote.handler.ts"),
    );
    expect(resolveModule("#io", from, root, workspace).bare).toEqual({ name: "socket.io", subpath: "" });
  });

  it("resolves tsconfig paths", () => {
    const aliased = resolveModule("~/internal/tally", from, root, workspace);
    expect(aliased).toMatchObject({ via: "tsconfig-paths", fileExists: true });
    expect(aliased.file).toBe(inWorkspace("packages/polls/src/internal/tally.ts"));
  });

  it("resolves workspace packages through their exports, and keeps npm packages bare", () => {
    expect(resolveModule("@repo/polls/testing", from, root, workspace).file).toBe(inWorkspace("packages/polls/src/testing.ts"));
    const npm = resolveModule("socket.io-client/build/esm/url", from, root, workspace);
    expect(npm).toMatchObject({ via: "package", bare: { name: "socket.io-client", subpath: "build/esm/url" }, file: undefined });
  });

  it("splits scoped and unscoped specifiers", () => {
    expect(parseBareSpecifier("@repo/polls")).toEqual({ name: "@repo/polls", subpath: "" });
    expect(parseBareSpecifier("bullmq/dist/x")).toEqual({ name: "bullmq", subpath: "dist/x" });
  });
});

describe("tsconfig paths through TypeScript", () => {
  const tmp = mkdtempSync(join(tmpdir(), "core-eslint-tsconfig-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("inherits paths through a relative extends and re-anchors them on a child baseUrl", () => {
    writeFileSync(join(tmp, "pnpm-workspace.yaml"), "packages:\n  - pkg\n");
    writeFileSync(join(tmp, "tsconfig.base.json"), '{ "compilerOptions": { "paths": { "@lib/*": ["./lib/*"] } } }');
    mkdirSync(join(tmp, "pkg", "src"), { recursive: true });
    mkdirSync(join(tmp, "pkg", "lib"), { recursive: true });
    writeFileSync(join(tmp, "pkg", "lib", "x.ts"), "export const x = 1;\n");
    writeFileSync(join(tmp, "pkg", "tsconfig.json"), '{ "extends": "../tsconfig.base.json", "compilerOptions": { "baseUrl": "." } }');
    const from = join(tmp, "pkg", "src", "a.ts");
    expect(resolveModule("@lib/x", from, tmp, new Map())).toMatchObject({ via: "tsconfig-paths", file: join(tmp, "pkg", "lib", "x.ts") });
  });

  it("reads no tsconfig above the repo root", () => {
    const from = join(tmp, "pkg", "src", "a.ts");
    expect(resolveModule("@lib/x", from, join(tmp, "pkg", "src"), new Map())).toMatchObject({ via: "package", file: undefined });
  });
});
