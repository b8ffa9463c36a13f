import { dirname, isAbsolute, resolve } from "node:path";

import ts from "typescript";

import { subpathTarget } from "./package-entries";
import { findTsconfigOptions } from "./tsconfig-options";
import type { WorkspacePackage } from "./workspace";
import { findOwningPackageDir, readPackageManifest } from "./workspace";

/** Where an import specifier lands, as far as the workspace can tell without a type checker. */
export interface ResolvedModule {
  /** The specifier as written. */
  readonly specifier: string;
  /** The package it names once aliases are applied (`{ name: "socket.io", subpath: "" }`). */
  readonly bare: { readonly name: string; readonly subpath: string } | undefined;
  /** The workspace package `bare` names, if any. */
  readonly workspacePackage: WorkspacePackage | undefined;
  /** The absolute file it lands on, when that can be worked out; it may not exist. */
  readonly file: string | undefined;
  readonly fileExists: boolean;
  /** How the specifier was mapped: a relative path, a tsconfig `paths` alias, a `#` import, or a package name. */
  readonly via: "relative" | "tsconfig-paths" | "package-imports" | "package";
}

// TypeScript's own lookup (extensions, `.js` -> `.ts`, index files, JSON); symlinks are kept so a
// workspace package reached through node_modules is still seen as a package.
const FILE_LOOKUP: ts.CompilerOptions = {
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  resolveJsonModule: true,
  preserveSymlinks: true,
};

/**
 * The file an extensionless (or `.js`-suffixed) absolute path names, as TypeScript resolves it.
 *
 * @example
 * resolveFile("/repo/packages/polls/src/realtime"); // { path: ".../realtime/index.ts", exists: true }
 */
export function resolveFile(path: string): { path: string; exists: boolean } {
  const found = ts.resolveModuleName(path, path, FILE_LOOKUP, ts.sys).resolvedModule?.resolvedFileName;
  return found === undefined ? { path, exists: false } : { path: found, exists: true };
}

/**
 * Splits a package specifier into its name and subpath.
 *
 * @example
 * parseBareSpecifier("@repo/polls/realtime/x"); // { name: "@repo/polls", subpath: "realtime/x" }
 */
export function parseBareSpecifier(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split("/");
  const nameLength = specifier.startsWith("@") ? 2 : 1;
  return { name: parts.slice(0, nameLength).join("/"), subpath: parts.slice(nameLength).join("/") };
}

/**
 * The file a tsconfig `paths` alias maps `specifier` to, resolved by `ts.resolveModuleName` with
 * the governing tsconfig (its `extends` followed); `undefined` when no alias applies or its target
 * does not exist. A plain node_modules lookup of the same name is not an alias.
 */
function resolveTsconfigAlias(specifier: string, fromFilePath: string, repoRoot: string): string | undefined {
  const options = findTsconfigOptions(fromFilePath, repoRoot);
  if (options?.paths === undefined) return undefined;
  const lookup = { ...options, ...FILE_LOOKUP };
  const found = ts.resolveModuleName(specifier, fromFilePath, lookup, ts.sys).resolvedModule?.resolvedFileName;
  const packageLookup = `/node_modules/${parseBareSpecifier(specifier).name}/`;
  return found === undefined || found.split("\\").join("/").includes(packageLookup) ? undefined : found;
}

function fromBare(
  specifier: string,
  target: string,
  via: ResolvedModule["via"],
  workspace: ReadonlyMap<string, WorkspacePackage>,
): ResolvedModule {
  const bare = parseBareSpecifier(target);
  const workspacePackage = workspace.get(bare.name);
  if (workspacePackage === undefined) {
    return { specifier, bare, workspacePackage, file: undefined, fileExists: false, via };
  }
  const exported = subpathTarget(workspacePackage.manifest, bare.subpath === "" ? "." : `./${bare.subpath}`);
  // An unexported subpath still has a place on disk; the handler rules judge that place.
  const file = resolveFile(resolve(workspacePackage.dir, exported ?? bare.subpath));
  return { specifier, bare, workspacePackage, file: file.path, fileExists: file.exists, via };
}

function fromFile(specifier: string, path: string, via: ResolvedModule["via"]): ResolvedModule {
  const file = resolveFile(path);
  return { specifier, bare: undefined, workspacePackage: undefined, file: file.path, fileExists: file.exists, via };
}

/**
 * Resolves `specifier` as imported from `fromFilePath`: package.json `imports` (`#x`), relative
 * paths, the governing tsconfig's `paths`, then package names (workspace packages through their
 * `exports`). Aliases are applied first so a rule sees what an alias hides.
 *
 * @example
 * resolveModule("#io", "/repo/packages/polls/src/a.ts", "/repo", workspace).bare; // { name: "socket.io", subpath: "" }
 */
export function resolveModule(
  specifier: string,
  fromFilePath: string,
  repoRoot: string,
  workspace: ReadonlyMap<string, WorkspacePackage>,
): ResolvedModule {
  if (specifier.startsWith("#")) {
    const ownerDir = findOwningPackageDir(fromFilePath, repoRoot);
    const manifest = ownerDir === undefined ? undefined : readPackageManifest(ownerDir);
    const target = manifest === undefined ? undefined : subpathTarget(manifest, specifier);
    if (ownerDir !== undefined && target !== undefined) {
      return target.startsWith(".")
        ? fromFile(specifier, resolve(ownerDir, target), "package-imports")
        : fromBare(specifier, target, "package-imports", workspace);
    }
    return { specifier, bare: undefined, workspacePackage: undefined, file: undefined, fileExists: false, via: "package-imports" };
  }
  if (specifier.startsWith(".") || isAbsolute(specifier)) {
    return fromFile(specifier, resolve(dirname(fromFilePath), specifier), "relative");
  }
  const aliased = resolveTsconfigAlias(specifier, fromFilePath, repoRoot);
  if (aliased !== undefined) return fromFile(specifier, aliased, "tsconfig-paths");
  return fromBare(specifier, specifier, "package", workspace);
}
