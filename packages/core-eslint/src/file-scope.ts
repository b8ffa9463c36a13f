import { resolve } from "node:path";

import type { ResolvedModule } from "./module-resolution";
import { resolveModule } from "./module-resolution";
import { repoRootFor, toRepoPath } from "./repo-root";
import type { WorkspacePackage } from "./workspace";
import { findOwningPackageDir, readWorkspacePackages } from "./workspace";

/** What a rule knows about the file it lints: where it sits in the repo and how its imports resolve. */
export interface FileScope {
  readonly repoRoot: string;
  /** Absolute path of the linted file. */
  readonly filename: string;
  /** The linted file relative to the repo root, forward slashes. */
  readonly repoPath: string;
  /** Directory of the package owning the linted file (the repo root for root-level files). */
  readonly packageDir: string | undefined;
  resolve(specifier: string): ResolvedModule;
  workspace(): ReadonlyMap<string, WorkspacePackage>;
}

/**
 * Builds the scope for one linted file. The workspace is read lazily, once per file, so files
 * without imports cost nothing.
 *
 * @example
 * const scope = fileScope(context);
 * scope.resolve("#handlers/on-vote.handler").file;
 */
export function fileScope(context: { filename: string; cwd: string }): FileScope {
  const repoRoot = repoRootFor(context);
  const filename = resolve(context.cwd, context.filename);
  let workspace: ReadonlyMap<string, WorkspacePackage> | undefined;
  const readWorkspace = (): ReadonlyMap<string, WorkspacePackage> => (workspace ??= readWorkspacePackages(repoRoot));
  return {
    repoRoot,
    filename,
    repoPath: toRepoPath(repoRoot, filename),
    packageDir: findOwningPackageDir(filename, repoRoot),
    resolve: (specifier) => resolveModule(specifier, filename, repoRoot, readWorkspace()),
    workspace: readWorkspace,
  };
}
