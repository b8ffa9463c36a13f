import { exports as resolveExports, imports as resolveImports } from "resolve.exports";

import { isRecord } from "./jsonc";
import type { PackageManifest } from "./workspace";

// This repo's exports point at TypeScript source; "types" is matched in the manifest's key order, as Node does.
const CONDITIONS = ["types"];

/**
 * The target `key` maps to in a package's `exports` ("." or "./sub/path") or `imports` ("#x"),
 * resolved by `resolve.exports` (patterns, conditions, `null` blocks); `undefined` when none.
 *
 * @example
 * subpathTarget({ name: "@repo/polls", exports: { "./*": "./src/*.ts" }, imports: undefined }, "./client"); // "./src/client.ts"
 */
export function subpathTarget(manifest: PackageManifest, key: string): string | undefined {
  const pkg = { name: manifest.name ?? "", exports: manifest.exports, imports: manifest.imports };
  try {
    const targets = key.startsWith("#")
      ? resolveImports(pkg, key, { conditions: CONDITIONS })
      : resolveExports(pkg, key, { conditions: CONDITIONS });
    return targets?.[0];
  } catch (error) {
    // resolve.exports throws `Missing "<key>" specifier` for an unmapped or blocked key: that is
    // the answer "not an entry". Anything else is a real failure.
    if (error instanceof Error && error.message.startsWith("Missing ")) return undefined;
    throw error;
  }
}

/**
 * The subpath keys a package.json `exports` declares, its public entries; the sugar forms (a
 * string, or a bare conditions object) mean the single key ".".
 *
 * @example
 * entryPointKeys({ ".": "./src/index.ts", "./client": "./src/client.ts" }); // [".", "./client"]
 */
export function entryPointKeys(exportsField: unknown): string[] {
  if (exportsField === undefined || exportsField === null) return [];
  if (!isRecord(exportsField)) return ["."];
  const keys = Object.keys(exportsField);
  return keys.length > 0 && keys.every((key) => key.startsWith(".")) ? keys : ["."];
}
