import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "./__tests__/repo-root";
import { CORE_PACKAGE_TEMPLATE } from "./core-package-generator";
import { FEATURE_TEMPLATE } from "./feature-generator";
import { camelCaseName } from "./names";
import { destinationOf, listTemplateFiles } from "./template-files";
import { listFeatures } from "./workspace";

// The templates define the shape of a feature and of a core package (STYLE.md "Layout shows the
// architecture"); these tests fail when the real packages and the templates drift apart.
const root = findRepoRoot();
const generatorsDir = join(root, "turbo", "generators");

type Manifest = Record<string, unknown> & { scripts: Record<string, string>; exports: Record<string, string> };

function readTemplate(template: string, file: string, name: string): string {
  return readFileSync(join(generatorsDir, template, file), "utf8").replaceAll("{{name}}", name);
}

function readJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** The template's examples, named after what they hold: a feature replaces them with its own. */
const EXAMPLE_PREFIXES = ["src/use-cases/", "src/repositories/", "src/migrations/", "src/__tests__/"];

/** Structural files every feature has: the template's, minus the example use case, table and repository. */
function featureSkeleton(name: string): string[] {
  return listTemplateFiles(join(generatorsDir, FEATURE_TEMPLATE))
    .filter((file) => !EXAMPLE_PREFIXES.some((prefix) => file.startsWith(prefix)))
    .map((file) => destinationOf(`packages/${name}`, file).replaceAll("{{name}}", name));
}

describe.each(listFeatures(root))("feature %s has the feature template's shape", (feature) => {
  const dir = join(root, "packages", feature);

  it("has every structural file of the template", () => {
    expect(featureSkeleton(feature).filter((file) => !existsSync(join(root, file)))).toEqual([]);
  });

  it.each(["tsconfig.json", "turbo.json"])("has the template's %s", (file) => {
    expect(readJson(readFileSync(join(dir, file), "utf8"))).toEqual(readJson(readTemplate(FEATURE_TEMPLATE, `${file}.hbs`, feature)));
  });

  // vitest.config.ts too: its timeouts and `isolate: false` hold for every feature's tests alike.
  it.each(["eslint.config.ts", "vitest.config.ts"])("has the template's %s", (file) => {
    expect(readFileSync(join(dir, file), "utf8")).toBe(readTemplate(FEATURE_TEMPLATE, `${file}.hbs`, feature));
  });

  it("has the template's manifest layout, scripts and main entry", () => {
    const real = readJson<Manifest>(readFileSync(join(dir, "package.json"), "utf8"));
    const template = readJson<Manifest>(readTemplate(FEATURE_TEMPLATE, "package.json.hbs", feature));
    expect(Object.keys(real)).toEqual(Object.keys(template));
    expect(real.scripts).toEqual(template.scripts);
    expect(real.exports["."]).toBe(template.exports["."]);
    for (const key of ["name", "version", "private", "type", "sideEffects"]) expect(real[key]).toEqual(template[key]);
  });
});

// ADR-016 "one wiring per feature": bind-dev-seed.ts runs bind-production.ts, then seeds; it never
// builds a second container or registers a channel or handler of its own, so the two cannot drift.
describe.each([...listFeatures(root).map((feature) => ({ feature, dir: join(root, "packages", feature, "src"), suffix: "" })), { feature: "{{name}}", dir: join(generatorsDir, FEATURE_TEMPLATE, "src"), suffix: ".hbs" }])(
  "$feature: bind-dev-seed is bind-production plus seeding",
  ({ feature, dir, suffix }) => {
    const devSeed = readFileSync(join(dir, `bind-dev-seed.ts${suffix}`), "utf8");
    const production = readFileSync(join(dir, `bind-production.ts${suffix}`), "utf8");

    it("runs the production wiring from ./bind-production", () => {
      expect(devSeed).toMatch(/^import \{ .+ \} from "\.\/bind-production";$/m);
      expect(devSeed).toMatch(/ = (bindProduction|wire).*\(ctx\b/);
    });

    it("builds no container and registers no channel, handler or subscription of its own", () => {
      for (const wiring of ["createContainer(", "realtimeRegistry.", "bus.subscribe(", "queue.process(", "bindRealtimeBridge("]) expect(devSeed, `${feature}: ${wiring}`).not.toContain(wiring);
      expect(production).toContain("createContainer(");
    });

    it("wraps inbound handlers with instrumentRealtimeHandler, never by hand", () => {
      expect(production).not.toMatch(/withSpan\(|withCapture\(/);
    });
  },
);

describe("features with state follow the template's SQL layout (ADR-020)", () => {
  const appMigrations = readFileSync(join(root, "apps/web-next/src/feature-migrations.ts"), "utf8");
  const stateful = listFeatures(root).filter((feature) => existsSync(join(root, "packages", feature, "src/migrations")));

  it("the template itself has a migrations folder, an SQL repository and its contract test", () => {
    const files = listTemplateFiles(join(generatorsDir, FEATURE_TEMPLATE));
    expect(files).toEqual(
      expect.arrayContaining([
        "src/migrations/__name__-migrations.ts.hbs",
        "src/migrations/0001-create-__name__-notes.ts.hbs",
        "src/repositories/sql-note-repository.ts.hbs",
        "src/repositories/sql-note-repository.test.ts.hbs",
      ]),
    );
  });

  it("the features on SQL today are at least auth, notifications, polls and articles", () => {
    expect(stateful).toEqual(expect.arrayContaining(["articles", "auth", "notifications", "polls"]));
  });

  it.each(stateful)("%s: migrations named NNNN-<verb>-<noun>, listed in the app's feature-migrations.ts, one SQL repository with a test, no Redis repository", (feature) => {
    const dir = join(root, "packages", feature, "src");
    const migrationFiles = readdirSync(join(dir, "migrations")).filter((file) => /^\d{4}-/.test(file));
    expect(migrationFiles.length).toBeGreaterThan(0);
    for (const file of migrationFiles) expect(file).toMatch(/^\d{4}-[a-z0-9-]+\.ts$/);
    const setName = `${camelCaseName(feature)}Migrations`;
    expect(appMigrations).toMatch(new RegExp(`import \\{[^}]*\\b${setName}\\b[^}]*\\} from "@repo/${feature}"`));
    expect(appMigrations).toMatch(new RegExp(`^\\s*${setName},$`, "m"));
    const repositories = readdirSync(join(dir, "repositories"));
    expect(repositories.filter((file) => /^sql-.*\.test\.ts$/.test(file)).length, repositories.join(", ")).toBeGreaterThan(0);
    expect(repositories.filter((file) => file.startsWith("redis-") && !file.includes("session"))).toEqual([]);
  });
});

describe("the core-package template has @repo/core-realtime's skeleton", () => {
  const dir = join(root, "packages", "core-realtime");
  const template = (file: string) => readTemplate(CORE_PACKAGE_TEMPLATE, file, "realtime");

  it("writes the same skeleton files", () => {
    const files = listTemplateFiles(join(generatorsDir, CORE_PACKAGE_TEMPLATE)).map((file) => file.replace(/\.hbs$/, ""));
    expect(files.filter((file) => !file.startsWith("src/package-name")).sort()).toEqual(["eslint.config.ts", "package.json", "src/index.ts", "tsconfig.json", "turbo.json"]);
    for (const file of ["eslint.config.ts", "package.json", "src/index.ts", "tsconfig.json", "turbo.json"]) expect(existsSync(join(dir, file))).toBe(true);
  });

  it("with the same eslint config (core-realtime adds its browser-entry guard) and turbo.json (tag core)", () => {
    const generated = template("eslint.config.ts.hbs");
    const real = readFileSync(join(dir, "eslint.config.ts"), "utf8");
    expect(real.startsWith(generated.split("\n")[0] ?? "")).toBe(true);
    expect(real).toContain("export default repoConfig(import.meta.dirname, {");
    expect(readJson(readFileSync(join(dir, "turbo.json"), "utf8"))).toEqual(readJson(template("turbo.json.hbs")));
  });

  it("with the same tsconfig base and includes (core-realtime adds DOM and JSX for its React entry)", () => {
    const real = readJson<{ extends: string; include: string[] }>(readFileSync(join(dir, "tsconfig.json"), "utf8"));
    const generated = readJson<{ extends: string; include: string[] }>(template("tsconfig.json.hbs"));
    expect({ extends: real.extends, include: real.include }).toEqual(generated);
  });

  it("with the same manifest name, layout, scripts and main entry", () => {
    const real = readJson<Manifest>(readFileSync(join(dir, "package.json"), "utf8"));
    const generated = readJson<Manifest>(template("package.json.hbs"));
    expect(generated.name).toBe(real.name);
    expect(Object.keys(real).filter((key) => key in generated)).toEqual(Object.keys(generated));
    expect(generated.scripts).toEqual(real.scripts);
    expect(generated.exports).toEqual({ ".": real.exports["."] });
    for (const key of ["version", "private", "type", "sideEffects"]) expect(generated[key]).toEqual(real[key]);
  });
});
