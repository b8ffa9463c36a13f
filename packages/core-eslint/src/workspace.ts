import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

import { isInside } from "./repo-root";
import { isRecord, readJsoncFile } from "./jsonc";

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
 * The `packages:` globs of `pnpm-workspace.yaml`. A line-based read is enough for the shape pnpm
 * documents (a block list of quoted or bare strings) and avoids a YAML dependency.
 *
 * @example
 * readWorkspaceGlobs("/work/main"); // ["apps/*", "packages/*", "tooling/*"]
 */
export function readWorkspaceGlobs(repoRoot: string): string[] {
  const file = join(repoRoot, "pnpm-workspace.yaml");
  if (!existsSync(file)) return [];
  const globs: string[] = [];
  let inPackages = false;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (/^packages:\s*$/.test(line)) {
      inPackages = true;
    } else if (inPackages && /^\s+-\s+/.test(line)) {
      const glob = line.replace(/^\s+-\s+/, "").replace(/\s+#.*$/, "").trim().replace(/^["']|["']$/g, "");
      if (!glob.startsWith("!")) globs.push(glob);
    } else if (inPackages && /^\S/.test(line)) {
      inPackages = false;
    }
  }
  return globs;
}

function expandDirGlob(repoRoot: string, glob: string): string[] {
  let dirs = [repoRoot];
  for (const segment of glob.split("/").filter((part) => part !== "" && part !== ".")) {
    dirs = dirs.flatMap((dir) => {
      if (segment !== "*") return existsSync(join(dir, segment)) ? [join(dir, segment)] : [];
      if (!existsSync(dir)) return [];
      return readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."))
        .map((entry) => join(dir, entry.name));
    });
  }
  return dirs;
}

/**
 * The absolute directories the workspace globs match (whether or not they hold a package.json).
 *
 * @example
 * listWorkspaceDirs("/work/main"); // ["/work/main/packages/core-eslint", ...]
 */
export function listWorkspaceDirs(repoRoot: string): string[] {
  return readWorkspaceGlobs(repoRoot).flatMap((glob) => expandDirGlob(repoRoot, glob));
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
