import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * The nearest ancestor directory (inclusive) holding `pnpm-workspace.yaml`, or `undefined`.
 * Rules take the repo root from the linted file, not from `process.cwd()`, so `eslint` run in a
 * package directory (as turbo does) sees the same repo-relative paths as a root run.
 *
 * @example
 * findRepoRoot("/work/main/packages/polls/src/index.ts"); // "/work/main"
 */
export function findRepoRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The repo root for a linted file: from its filename first, then from ESLint's cwd, else the cwd
 * itself (a file outside any pnpm workspace is judged relative to where ESLint runs).
 *
 * @example
 * repoRootFor({ filename: "/work/main/apps/web/server.ts", cwd: "/work/main/apps/web" }); // "/work/main"
 */
export function repoRootFor(context: { filename: string; cwd: string }): string {
  const fromFile = isAbsolute(context.filename) ? findRepoRoot(dirname(context.filename)) : undefined;
  return fromFile ?? findRepoRoot(context.cwd) ?? context.cwd;
}

/**
 * `path` relative to `root` with forward slashes, the form allowlist globs are written in.
 *
 * @example
 * toRepoPath("/work/main", "/work/main/apps/web/server.ts"); // "apps/web/server.ts"
 */
export function toRepoPath(root: string, path: string): string {
  return relative(root, resolve(root, path)).split(sep).join("/");
}

/** True when `path` is `dir` or lies inside it. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
