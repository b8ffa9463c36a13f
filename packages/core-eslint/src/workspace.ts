import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

import { globSync } from "tinyglobby";
import { parse } from "yaml";

import { isRecord, readJsoncFile, stringArray } from "./jsonc";
import { isInside } from "./repo-root";

/** The parts of a package.json these rules read. */
export interface PackageManifest {
  readonly name: string | undefined;
  readonly exports: unknown;
  readonly imports: unknown;
}

/** One package of the pnpm workspace. */
export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly manifest: PackageManifest;
}

/**
 * Reads `dir/package.json`, or `undefined` when there is none.
 *
 * @example
 * readPackageManifest("/work/main/packages/core-realtime")?.name; // "@repo/core-realtime"
 */
export function readPackageManifest(dir: string): PackageManifest | undefined {
  const json = readJsoncFile(join(dir, "package.json"));
  if (!isRecord(json)) return undefined;
  return {
    name: typeof json.name === "string" ? json.name : undefined,
    exports: json.exports,
    imports: json.imports,
  };
}

/**
 * The `packages:` globs of `pnpm-workspace.yaml` (exclusions, `!glob`, included), parsed with the
 * `yaml` package; empty when the file is missing or lists none.
 *
 * @example
 * readWorkspaceGlobs("/work/main"); // ["apps/*", "packages/*", "tooling/*", "turbo/generators"]
 */
export function readWorkspaceGlobs(repoRoot: string): string[] {
  const file = join(repoRoot, "pnpm-workspace.yaml");
  if (!existsSync(file)) return [];
  let manifest: unknown;
  try {
    manifest = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`@repo/core-eslint: cannot parse ${file}`, { cause: error });
  }
  return isRecord(manifest) ? stringArray(manifest.packages) : [];
}

/**
 * The absolute directories the workspace globs match (whether or not they hold a package.json),
 * sorted; `node_modules` and dot-folders are never packages.
 *
 * @example
 * listWorkspaceDirs("/work/main"); // ["/work/main/apps/web-next", ...]
 */
export function listWorkspaceDirs(repoRoot: string): string[] {
  const globs = readWorkspaceGlobs(repoRoot);
  if (globs.length === 0) return [];
  // expandDirectories off: "turbo/generators" names that folder, not everything below it.
  const dirs = globSync(globs, {
    cwd: repoRoot,
    onlyDirectories: true,
    expandDirectories: false,
    ignore: ["**/node_modules/**"],
  });
  return dirs.map((dir) => resolve(repoRoot, dir)).sort();
}

/**
 * Every workspace package (apps/*, packages/*, tooling/* here) keyed by its package.json name.
 *
 * @example
 * readWorkspacePackages("/work/main").get("@repo/core-realtime")?.dir;
 */
export function readWorkspacePackages(repoRoot: string): ReadonlyMap<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  for (const dir of listWorkspaceDirs(repoRoot)) {
    const manifest = readPackageManifest(dir);
    if (manifest?.name !== undefined) packages.set(manifest.name, { name: manifest.name, dir, manifest });
  }
  return packages;
}

/**
 * The directory of the package that owns `path`: its nearest ancestor with a package.json, not
 * climbing above `repoRoot`. Works for paths that do not exist (an unresolved import target).
 *
 * @example
 * findOwningPackageDir("/work/main/packages/polls/src/index.ts", "/work/main"); // "/work/main/packages/polls"
 */
export function findOwningPackageDir(path: string, repoRoot: string): string | undefined {
  let dir = dirname(resolve(path));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir || !isInside(repoRoot, parent)) return undefined;
    dir = parent;
  }
}
