import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway directory laid out like the repo, for the validation tests. */
export interface FixtureRepo {
  readonly root: string;
  write(path: string, text: string): void;
  remove(path: string): void;
  dispose(): void;
}

/**
 * Creates a fixture repo from `files` (repo-relative path -> text).
 *
 * @example
 * const repo = createFixtureRepo({ ...featureFiles("polls"), ...appFiles() });
 */
export function createFixtureRepo(files: Readonly<Record<string, string>>): FixtureRepo {
  const root = mkdtempSync(join(tmpdir(), "generators-fixture-"));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (const [path, text] of Object.entries(files)) write(path, text);
  return { root, write, remove: (path) => rmSync(join(root, path), { recursive: true, force: true }), dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** The anchor-carrying files of a minimal feature named `name` (whose symbols are `<Pascal>Symbols`). */
export function featureFiles(name: string, symbolsConst: string): Record<string, string> {
  const bind = "const container = createContainer(NAME);\n  // @anchor:bindings\n\n  // @anchor:realtime-handlers\n";
  return {
    [`packages/${name}/package.json`]: JSON.stringify({ name: `@repo/${name}` }),
    [`packages/${name}/turbo.json`]: JSON.stringify({ extends: ["//"], tags: ["feature"] }),
    [`packages/${name}/src/index.ts`]: "// @anchor:exports\n// @anchor:realtime-channels\n",
    [`packages/${name}/src/di/symbols.ts`]: `export const ${symbolsConst} = {\n  // @anchor:symbols\n  // @anchor:realtime-symbols\n} as const;\n`,
    [`packages/${name}/src/bind-production.ts`]: bind,
    [`packages/${name}/src/bind-dev-seed.ts`]: bind,
  };
}

/** The app files the feature generator edits. */
export function appFiles(features: readonly string[] = []): Record<string, string> {
  const entries = features.map((feature) => `    ${feature}: await chooseBind(env, ctx, a, b),\n`).join("");
  return {
    "apps/web-next/package.json": JSON.stringify({ name: "@repo/web-next", dependencies: Object.fromEntries(features.map((f) => [`@repo/${f}`, "workspace:*"])) }),
    "apps/web-next/src/bind-all.ts": `const ctx = {\n  realtime: binding.realtime,\n};\nconst features = {\n${entries}    // @anchor:features\n};\n`,
    "apps/web-next/src/feature-migrations.ts": "export const featureMigrations = [\n  // @anchor:feature-migrations\n];\n",
  };
}

/** A channel file with the exports the channel generator writes. */
export function generatedChannel(camel: string, pascal: string): string {
  return `export const Z${pascal}Message = z.object({});\nexport const Z${pascal}Inbound = z.object({});\nexport const ${camel}Channel = defineRealtimeChannel({});\n`;
}
