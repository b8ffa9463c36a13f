import { existsSync } from "node:fs";
import { nameProblem } from "./names";
import { packageDir, workspacePackageNames } from "./workspace";

/**
 * The folder a core package gets: `packages/core-<name>`, tagged `core` (AGENTS.md "Layout").
 *
 * @example
 * corePackageFolder("realtime"); // "core-realtime"
 */
export function corePackageFolder(name: string): string {
  return `core-${name}`;
}

/**
 * Everything that stops `core-package <name>` from writing `packages/core-<name>`; empty when it
 * may run. An existing package is never overwritten.
 *
 * @example
 * corePackageProblems("/repo", "realtime"); // ['packages/core-realtime already exists; the generator never overwrites a package']
 */
export function corePackageProblems(root: string, name: unknown): string[] {
  const invalid = nameProblem("core package name", name);
  if (invalid !== null || typeof name !== "string") return [invalid ?? "core package name is required"];
  if (name.startsWith("core-")) return [`core package name "${name}" already starts with "core-"; give the name without it ("${name.slice(5)}" makes packages/${name})`];
  const folder = corePackageFolder(name);
  if (existsSync(packageDir(root, folder))) return [`packages/${folder} already exists; the generator never overwrites a package`];
  if (workspacePackageNames(root).has(`@repo/${folder}`)) return [`a workspace package is already named @repo/${folder}`];
  return [];
}
