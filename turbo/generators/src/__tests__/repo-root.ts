import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The monorepo root this package lives in (the nearest folder up with pnpm-workspace.yaml). */
export function findRepoRoot(start: string = import.meta.dirname): string {
  let dir = start;
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${start}`);
    dir = parent;
  }
  return dir;
}
