import { readFileSync, statSync } from "node:fs";

import { parse } from "@typescript-eslint/parser";
import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import type { FileScope } from "./file-scope";
import type { ResolvedModule } from "./module-resolution";
import { resolveModule } from "./module-resolution";
import { isInside, toRepoPath } from "./repo-root";

/** What following a re-export found: a chain of repo-relative files ending at the target, or a file it could not read. */
export type ReexportChainResult =
  | { readonly kind: "found"; readonly chain: readonly string[] }
  | { readonly kind: "unreadable"; readonly file: string; readonly reason: string }
  | { readonly kind: "clean" };

const reexportCache = new Map<string, { mtimeMs: number; specifiers: readonly string[] }>();

/** The `export * from` / `export { … } from` specifiers of a file, cached by mtime. */
function reexportSpecifiers(file: string): readonly string[] {
  const mtimeMs = statSync(file).mtimeMs;
  const cached = reexportCache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.specifiers;
  const program = parse(readFileSync(file, "utf8"), { jsx: file.endsWith(".tsx"), loc: false, range: false });
  const specifiers: string[] = [];
  for (const statement of program.body) {
    if (
      statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source !== null)
    ) {
      const source = statement.source?.value;
      if (typeof source === "string") specifiers.push(source);
    }
  }
  reexportCache.set(file, { mtimeMs, specifiers });
  return specifiers;
}

/**
 * Follows re-exports from `start` (a module a barrel re-exports) through the files it re-exports
 * in turn, and reports the first chain that reaches a module `isTarget` accepts. Only files inside
 * the repo (not node_modules) are followed; a visited set stops `export *` cycles.
 *
 * @example
 * findReexportChain(scope.resolve("./realtime"), scope, isRealtimeHandler);
 * // { kind: "found", chain: ["packages/polls/src/realtime/index.ts", "packages/polls/src/realtime/handlers/on-vote.handler.ts"] }
 */
export function findReexportChain(
  start: ResolvedModule,
  scope: FileScope,
  isTarget: (module: ResolvedModule) => boolean,
): ReexportChainResult {
  const visited = new Set<string>([scope.filename]);
  const walk = (file: string): ReexportChainResult => {
    if (visited.has(file) || !isInside(scope.repoRoot, file) || file.includes("/node_modules/")) return { kind: "clean" };
    visited.add(file);
    let specifiers: readonly string[];
    try {
      specifiers = reexportSpecifiers(file);
    } catch (error) {
      // Surfaced as a lint error on the importing file rather than crashing its lint run.
      return { kind: "unreadable", file: toRepoPath(scope.repoRoot, file), reason: String(error) };
    }
    for (const specifier of specifiers) {
      const next = resolveModule(specifier, file, scope.repoRoot, scope.workspace());
      if (isTarget(next)) {
        const end = next.file === undefined ? specifier : toRepoPath(scope.repoRoot, next.file);
        return { kind: "found", chain: [toRepoPath(scope.repoRoot, file), end] };
      }
      if (next.file === undefined || !next.fileExists) continue;
      const deeper = walk(next.file);
      if (deeper.kind === "found") return { kind: "found", chain: [toRepoPath(scope.repoRoot, file), ...deeper.chain] };
      if (deeper.kind === "unreadable") return deeper;
    }
    return { kind: "clean" };
  };
  return start.file !== undefined && start.fileExists ? walk(start.file) : { kind: "clean" };
}
