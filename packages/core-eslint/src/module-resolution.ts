import { statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";

import { resolveSubpath } from "./subpath-map";
import { applyTsconfigPaths, findTsconfigPaths } from "./tsconfig-paths";
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

const EXTENSIONS = [".ts", ".tsx", ".d.ts", ".mts", ".js", ".mjs"];

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The file an extensionless (or `.js`-suffixed) path names, trying TypeScript's candidates.
 *
 * @example
 * resolveFile("/repo/packages/polls/src/realtime"); // { path: ".../realtime/index.ts", exists: true }
 */
export function resolveFile(path: string): { path: string; exists: boolean } {
  const stem = path.replace(/\.(c|m)?js$/, "");
  const candidates = [
    path,
    ...EXTENSIONS.map((extension) => `${path}${extension}`),
    ...(stem === path ? [] : [`${stem}.ts`, `${stem}.tsx`]),
    ...EXTENSIONS.map((extension) => join(path, `index${extension}`)),
  ];
  const found = candidates.find(isFile);
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
  const exported = resolveSubpath(workspacePackage.manifest.exports, bare.subpath === "" ? "." : `./${bare.subpath}`);
  // An unexported subpath still has a place on disk; the handler rules judge that place.
  const file = resolveFile(join(workspacePackage.dir, exported ?? bare.subpath));
  return { specifier, bare, workspacePackage, file: file.path, fileExists: file.exists, via };
}

function fromFile(specifier: string, path: string, via: ResolvedModule["via"]): ResolvedModule {
  const file = resolveFile(path);
  return { specifier, bare: undefined, workspacePackage: undefined, file: file.path, fileExists: file.exists, via };
}

/**
 * Resolves `specifier` as imported from `fromFilePath`: package.json `imports` (`#x`), relative
 * paths, the nearest tsconfig `paths`, then package names (workspace packages through their
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
    const target =
      ownerDir === undefined ? undefined : resolveSubpath(readPackageManifest(ownerDir)?.imports, specifier);
    if (ownerDir !== undefined && target !== undefined) {
      return target.startsWith(".")
        ? fromFile(specifier, resolve(ownerDir, target), "package-imports")
        : fromBare(specifier, target, "package-imports", workspace);
    }
    return { specifier, bare: undefined, workspacePackage: undefined, file: undefined, fileExists: false, via: "package-imports" };
  }
  if (specifier.startsWith(".") || isAbsolute(specifier)) {
    return fromFile(specifier, resolve(fromFilePath, "..", specifier), "relative");
  }
  const paths = findTsconfigPaths(fromFilePath, repoRoot);
  const candidates = paths === undefined ? [] : applyTsconfigPaths(paths, specifier);
  const first = candidates[0];
  if (first !== undefined) {
    const existing = candidates.find((candidate) => resolveFile(candidate).exists) ?? first;
    return fromFile(specifier, existing, "tsconfig-paths");
  }
  return fromBare(specifier, specifier, "package", workspace);
}
