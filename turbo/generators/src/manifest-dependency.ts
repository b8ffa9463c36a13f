/** The manifest sections a generator may add to. */
type DependencySection = "dependencies" | "devDependencies";

/** Specifiers to make sure of, per section: `{ dependencies: { "@repo/core-di": "workspace:*" } }`. */
export type RequiredDependencies = Partial<Record<DependencySection, Readonly<Record<string, string>>>>;

const byName = ([a]: [string, string], [b]: [string, string]): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Adds whichever of `required` a package.json lacks (in either section), keeping each section
 * sorted as pnpm writes it, and returns the new text; the text is unchanged when nothing was
 * missing. A dependency already listed keeps its specifier.
 *
 * @example
 * ensureDependencies('{ "dependencies": { "zod": "catalog:" } }', { dependencies: { "@repo/polls": "workspace:*" } });
 * // '{\n  "dependencies": {\n    "@repo/polls": "workspace:*",\n    "zod": "catalog:"\n  }\n}\n'
 */
export function ensureDependencies(manifestText: string, required: RequiredDependencies): string {
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const section = (name: DependencySection): Record<string, string> => (manifest[name] ?? {}) as Record<string, string>;
  const listed = new Set([...Object.keys(section("dependencies")), ...Object.keys(section("devDependencies"))]);
  let changed = false;
  for (const name of ["dependencies", "devDependencies"] as const) {
    const missing = Object.entries(required[name] ?? {}).filter(([dependency]) => !listed.has(dependency));
    if (missing.length === 0) continue;
    manifest[name] = Object.fromEntries([...Object.entries(section(name)), ...missing].sort(byName));
    changed = true;
  }
  return changed ? `${JSON.stringify(manifest, null, 2)}\n` : manifestText;
}

/**
 * Adds `dependency` as `workspace:*` to a package.json's `dependencies`.
 *
 * @example
 * addWorkspaceDependency(appManifest, "@repo/polls");
 */
export function addWorkspaceDependency(manifestText: string, dependency: string): string {
  return ensureDependencies(manifestText, { dependencies: { [dependency]: "workspace:*" } });
}
