import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The folders pnpm-workspace.yaml lists; generated packages land in `packages/`. */
const WORKSPACE_GROUPS = ["apps", "packages", "tooling"] as const;

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The folder of a package under `packages/`, absolute.
 *
 * @example
 * packageDir("/repo", "polls"); // "/repo/packages/polls"
 */
export function packageDir(root: string, folder: string): string {
  return join(root, "packages", folder);
}

/**
 * Whether `packages/<folder>` is a feature: its turbo.json `tags` include "feature" (ADR-010),
 * the same test the anchor guard uses.
 *
 * @example
 * isFeaturePackage("/repo", "notifications"); // true
 */
export function isFeaturePackage(root: string, folder: string): boolean {
  const turboJson = join(packageDir(root, folder), "turbo.json");
  if (!existsSync(turboJson)) return false;
  const parsed = readJson(turboJson);
  return isRecord(parsed) && Array.isArray(parsed.tags) && parsed.tags.includes("feature");
}

/**
 * The feature packages' folder names, sorted.
 *
 * @example
 * listFeatures("/repo"); // ["articles", "auth", "notifications"]
 */
export function listFeatures(root: string): string[] {
  const packages = join(root, "packages");
  if (!existsSync(packages)) return [];
  return readdirSync(packages)
    .filter((folder) => isFeaturePackage(root, folder))
    .sort();
}

/**
 * Every workspace package name (`@repo/auth`, ...), to refuse a generated name that is taken.
 *
 * @example
 * workspacePackageNames("/repo").has("@repo/auth"); // true
 */
export function workspacePackageNames(root: string): Set<string> {
  const names = new Set<string>();
  const dirs = WORKSPACE_GROUPS.flatMap((group) => {
    const dir = join(root, group);
    return existsSync(dir) ? readdirSync(dir).map((folder) => join(dir, folder)) : [];
  });
  for (const dir of [...dirs, join(root, "turbo", "generators")]) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const parsed = readJson(manifest);
    if (isRecord(parsed) && typeof parsed.name === "string") names.add(parsed.name);
  }
  return names;
}

/**
 * A file's text, or `null` when it does not exist.
 *
 * @example
 * readTextOrNull("/repo/packages/polls/src/index.ts");
 */
export function readTextOrNull(path: string): string | null {
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}
