import { statSync } from "node:fs";

import ts from "typescript";

const jsonCache = new Map<string, { mtimeMs: number; value: unknown }>();

/**
 * Reads and parses a JSON file, comments and trailing commas allowed (tsconfig.json, turbo.json),
 * or `undefined` when it does not exist. TypeScript's own config reader does the parsing. Cached
 * by mtime so a lint run reads each package.json once, yet an editor session sees edits. Returns
 * `unknown`: callers narrow with the guards below, because these files are written by hand.
 *
 * @example
 * readJsoncFile("/repo/packages/polls/package.json");
 */
export function readJsoncFile(path: string): unknown {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats?.isFile()) return undefined;
  const cached = jsonCache.get(path);
  if (cached?.mtimeMs === stats.mtimeMs) return cached.value;
  const result: { config?: unknown; error?: ts.Diagnostic } = ts.readConfigFile(path, (file) => ts.sys.readFile(file));
  if (result.error !== undefined) {
    const reason = ts.flattenDiagnosticMessageText(result.error.messageText, "\n");
    throw new Error(`@repo/core-eslint: cannot parse ${path}: ${reason}`);
  }
  const value = result.config;
  jsonCache.set(path, { mtimeMs: stats.mtimeMs, value });
  return value;
}

/** Narrows `unknown` to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Narrows `unknown` to an array of strings, dropping anything else. */
export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
