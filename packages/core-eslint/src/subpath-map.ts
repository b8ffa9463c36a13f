import { isRecord } from "./jsonc";

// TypeScript source is what this repo's exports point at, so "types" wins when conditions differ.
const CONDITION_ORDER = ["types", "import", "default", "node", "require"];

function pickTarget(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const target = pickTarget(item);
      if (target !== undefined) return target;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  for (const condition of [...CONDITION_ORDER, ...Object.keys(value)]) {
    const target = pickTarget(value[condition]);
    if (target !== undefined) return target;
  }
  return undefined;
}

/**
 * A package.json `exports` field as a map of subpath keys ("." and "./x"); the sugar forms
 * (`"exports": "./src/index.ts"` or a bare conditions object) mean the single key ".".
 */
function asSubpathMap(field: unknown): Record<string, unknown> {
  if (typeof field === "string" || Array.isArray(field)) return { ".": field };
  if (!isRecord(field)) return {};
  const keys = Object.keys(field);
  const isSubpathMap = keys.length > 0 && keys.every((key) => key.startsWith(".") || key.startsWith("#"));
  return isSubpathMap ? field : { ".": field };
}

/**
 * The subpath keys a package.json `exports` declares: its public entries.
 *
 * @example
 * entryPointKeys({ ".": "./src/index.ts", "./client": "./src/client.ts" }); // [".", "./client"]
 */
export function entryPointKeys(exportsField: unknown): string[] {
  return Object.keys(asSubpathMap(exportsField));
}

/**
 * Resolves `key` ("." / "./sub/path" for `exports`, "#x" for `imports`) against a subpath map,
 * honouring one `*` wildcard per key as Node does. `undefined` when nothing matches.
 *
 * @example
 * resolveSubpath({ "./*": "./src/*.ts" }, "./client"); // "./src/client.ts"
 */
export function resolveSubpath(field: unknown, key: string): string | undefined {
  const map = asSubpathMap(field);
  if (key in map) return pickTarget(map[key]);
  let best: { prefix: string; value: unknown; star: string } | undefined;
  for (const [pattern, value] of Object.entries(map)) {
    const star = pattern.indexOf("*");
    if (star === -1) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (!key.startsWith(prefix) || !key.endsWith(suffix) || key.length < pattern.length - 1) continue;
    // Node picks the longest matching prefix, and a `null` target there blocks the subpath.
    if (best === undefined || prefix.length > best.prefix.length) {
      best = { prefix, value, star: key.slice(prefix.length, key.length - suffix.length) };
    }
  }
  if (best === undefined) return undefined;
  return pickTarget(best.value)?.split("*").join(best.star);
}

/**
 * True when `key` is a public entry of the `exports` field (exactly or through a `*` pattern).
 *
 * @example
 * isExportedSubpath({ ".": "./src/index.ts" }, "./src/internal"); // false
 */
export function isExportedSubpath(exportsField: unknown, key: string): boolean {
  return resolveSubpath(exportsField, key) !== undefined;
}
