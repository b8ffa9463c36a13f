import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

import { isInside } from "./repo-root";
import { isRecord, readJsoncFile, stringArray } from "./jsonc";

/** `compilerOptions.paths` of the tsconfig that governs a file, with the directory they resolve from. */
export interface TsconfigPaths {
  readonly baseDir: string;
  readonly paths: Readonly<Record<string, readonly string[]>>;
}

function resolveExtends(configDir: string, specifier: string): string {
  if (specifier.startsWith(".") || specifier.startsWith("/")) {
    const path = resolve(configDir, specifier);
    return existsSync(path) || path.endsWith(".json") ? path : `${path}.json`;
  }
  try {
    return createRequire(join(configDir, "package.json")).resolve(specifier);
  } catch (error) {
    throw new Error(`@repo/core-eslint: cannot resolve tsconfig "extends": "${specifier}" from ${configDir}`, {
      cause: error,
    });
  }
}

function loadPaths(configPath: string, seen: Set<string>): TsconfigPaths | undefined {
  if (seen.has(configPath)) return undefined;
  seen.add(configPath);
  const config = readJsoncFile(configPath);
  if (!isRecord(config)) return undefined;
  const configDir = dirname(configPath);
  const options = isRecord(config.compilerOptions) ? config.compilerOptions : {};
  const baseUrl = typeof options.baseUrl === "string" ? resolve(configDir, options.baseUrl) : undefined;

  let inherited: TsconfigPaths | undefined;
  const parents = typeof config.extends === "string" ? [config.extends] : stringArray(config.extends);
  for (const parent of parents) {
    inherited = loadPaths(resolveExtends(configDir, parent), seen) ?? inherited;
  }

  if (isRecord(options.paths)) {
    const paths: Record<string, string[]> = {};
    for (const [pattern, targets] of Object.entries(options.paths)) paths[pattern] = stringArray(targets);
    return { baseDir: baseUrl ?? configDir, paths };
  }
  // A child that only sets baseUrl re-anchors the inherited paths, as tsc does.
  return inherited && baseUrl ? { ...inherited, baseDir: baseUrl } : inherited;
}

/**
 * The path aliases in force for `file`: those of its nearest tsconfig.json (following `extends`),
 * searching no higher than `repoRoot`.
 *
 * @example
 * findTsconfigPaths("/repo/packages/polls/src/a.ts", "/repo")?.paths; // { "~/*": ["./src/*"] }
 */
export function findTsconfigPaths(file: string, repoRoot: string): TsconfigPaths | undefined {
  let dir = dirname(resolve(file));
  while (isInside(repoRoot, dir)) {
    const candidate = join(dir, "tsconfig.json");
    if (existsSync(candidate)) return loadPaths(candidate, new Set());
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * The candidate paths an aliased specifier maps to, most specific pattern first; empty when no
 * alias matches.
 *
 * @example
 * applyTsconfigPaths({ baseDir: "/r", paths: { "~/*": ["./src/*"] } }, "~/a"); // ["/r/src/a"]
 */
export function applyTsconfigPaths(config: TsconfigPaths, specifier: string): string[] {
  let best: { prefix: string; targets: readonly string[]; star: string } | undefined;
  for (const [pattern, targets] of Object.entries(config.paths)) {
    const star = pattern.indexOf("*");
    if (star === -1) {
      if (pattern === specifier) return targets.map((target) => resolve(config.baseDir, target));
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (specifier.length < prefix.length + suffix.length) continue;
    if (best === undefined || prefix.length > best.prefix.length) {
      best = { prefix, targets, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
    }
  }
  if (best === undefined) return [];
  const { targets, star } = best;
  return targets.map((target) => resolve(config.baseDir, target.split("*").join(star)));
}
