import { readFileSync, statSync } from "node:fs";

/**
 * Parses JSON with comments and trailing commas (tsconfig.json, turbo.json). Returns `unknown`:
 * callers narrow with the guards below, because these files are written by hand.
 *
 * @example
 * parseJsonc('{ "a": 1, // why\n }'); // { a: 1 }
 */
export function parseJsonc(text: string): unknown {
  let out = "";
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    if (inString) {
      out += char;
      if (char === "\\") {
        out += next;
        index += 1;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === "/" && next === "/") {
      while (index < text.length && text.charAt(index) !== "\n") index += 1;
      out += "\n";
    } else if (char === "/" && next === "*") {
      const end = text.indexOf("*/", index + 2);
      index = end === -1 ? text.length : end + 1;
    } else {
      out += char;
    }
  }
  return JSON.parse(dropTrailingCommas(out)) as unknown;
}

function dropTrailingCommas(text: string): string {
  let out = "";
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (inString) {
      out += char;
      if (char === "\\") {
        out += text.charAt(index + 1);
        index += 1;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === ",") {
      const rest = text.slice(index + 1).trimStart();
      if (!rest.startsWith("}") && !rest.startsWith("]")) out += char;
    } else {
      if (char === '"') inString = true;
      out += char;
    }
  }
  return out;
}

const jsonCache = new Map<string, { mtimeMs: number; value: unknown }>();

/**
 * Reads and parses a JSON(C) file, or `undefined` when it does not exist. Cached by mtime so a
 * lint run reads each package.json once, yet an editor session sees edits.
 *
 * @example
 * readJsoncFile("/repo/packages/polls/package.json");
 */
export function readJsoncFile(path: string): unknown {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats?.isFile()) return undefined;
  const cached = jsonCache.get(path);
  if (cached?.mtimeMs === stats.mtimeMs) return cached.value;
  let value: unknown;
  try {
    value = parseJsonc(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`@repo/core-eslint: cannot parse ${path}`, { cause: error });
  }
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
