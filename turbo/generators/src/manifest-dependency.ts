/**
 * Adds `dependency` to a package.json's `dependencies` (kept sorted, as pnpm writes them) and
 * returns the new file text. Leaves the text unchanged when the dependency is already there.
 *
 * @example
 * addWorkspaceDependency('{ "dependencies": { "zod": "catalog:" } }', "@repo/polls");
 * // '{\n  "dependencies": {\n    "@repo/polls": "workspace:*",\n    "zod": "catalog:"\n  }\n}\n'
 */
export function addWorkspaceDependency(manifestText: string, dependency: string): string {
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const current = (manifest.dependencies ?? {}) as Record<string, string>;
  if (dependency in current) return manifestText;
  const merged: Record<string, string> = { ...current, [dependency]: "workspace:*" };
  manifest.dependencies = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
