import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { requireRepoRoot } from "./__tests__/rule-test-kit";
import { isRecord, readJsoncFile } from "./jsonc";

const repoRoot = requireRepoRoot();
const turboBin = join(repoRoot, "node_modules", ".bin", "turbo");

/** The `boundaries` section of the repo's own turbo.json: the proof runs the real policy. */
function repoBoundaries(): unknown {
  const turbo = readJsoncFile(join(repoRoot, "turbo.json"));
  if (!isRecord(turbo) || !isRecord(turbo.boundaries)) throw new Error("turbo.json has no boundaries section");
  return turbo.boundaries;
}

const writeJson = (path: string, value: unknown): void => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

/**
 * A two-package pnpm workspace where `dependent` (tagged `dependentTag`) declares and imports
 * `dependency` (tagged `dependencyTag`). No install and no lockfile: turbo warns that it cannot
 * parse pnpm-lock.yaml but still checks boundaries.
 */
function makeWorkspace(dependentTag: string, dependencyTag: string): string {
  const root = mkdtempSync(join(tmpdir(), "core-eslint-boundaries-"));
  writeJson(join(root, "package.json"), { name: "boundaries-proof", private: true, packageManager: "pnpm@10.34.9" });
  writeFileSync(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
  writeJson(join(root, "turbo.json"), { $schema: "https://turborepo.com/schema.json", boundaries: repoBoundaries(), tasks: {} });
  const names = { dependent: `${dependentTag}-a`, dependency: `${dependencyTag}-b` };
  for (const [role, name] of Object.entries(names)) {
    const dir = join(root, "packages", name);
    mkdirSync(join(dir, "src"), { recursive: true });
    const isDependent = role === "dependent";
    writeJson(join(dir, "package.json"), {
      name,
      version: "0.0.0",
      private: true,
      exports: { ".": "./src/index.ts" },
      ...(isDependent ? { dependencies: { [names.dependency]: "workspace:*" } } : {}),
    });
    writeJson(join(dir, "turbo.json"), { extends: ["//"], tags: [isDependent ? dependentTag : dependencyTag] });
    writeFileSync(
      join(dir, "src", "index.ts"),
      isDependent ? `import { value } from "${names.dependency}";\nexport const wrapped = value;\n` : "export const value = 1;\n",
    );
  }
  return root;
}

function runBoundaries(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(turboBin, ["boundaries"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", NO_COLOR: "1" },
    timeout: 60_000,
  });
  if (result.error) throw new Error(`could not run ${turboBin} boundaries in ${cwd}`, { cause: result.error });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe("turbo boundaries enforces the repo's tag policy (ADR-010)", () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it("has the turbo binary the root `pnpm test` uses", () => {
    expect(existsSync(turboBin)).toBe(true);
  });

  it.each([
    ["core", "feature"],
    ["core", "app"],
    ["feature", "app"],
  ])("rejects a %s package depending on a %s package", (dependentTag, dependencyTag) => {
    const root = makeWorkspace(dependentTag, dependencyTag);
    roots.push(root);
    const { status, output } = runBoundaries(root);
    expect(status, output).not.toBe(0);
    expect(output).toContain(`Package \`${dependencyTag}-b\` found with tag listed in denylist for \`${dependentTag}-a\``);
    expect(output).toMatch(/1 issue found/);
  });

  it.each([
    ["feature", "core"],
    ["app", "feature"],
    ["app", "core"],
  ])("accepts a %s package depending on a %s package", (dependentTag, dependencyTag) => {
    const root = makeWorkspace(dependentTag, dependencyTag);
    roots.push(root);
    const { status, output } = runBoundaries(root);
    expect(status, output).toBe(0);
    expect(output).toContain("no issues found");
  });
});
