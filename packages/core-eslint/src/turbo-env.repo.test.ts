import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

import { describe, expect, it } from "vitest";

import { requireRepoRoot } from "./__tests__/rule-test-kit";
import { readWorkspacePackages } from "./workspace";

// Turborepo runs tasks in strict env mode: a variable not named in turbo.json is silently unset in
// the task. This asks turbo itself (a dry run with every variable set) which ones reach each task,
// so turbo.json stays the one source of truth and a new variable without its entry fails here.

const repoRoot = requireRepoRoot();
/** Variables turbo hands every task whatever turbo.json says. */
const SYSTEM_VARIABLES = new Set(["PATH", "HOME", "SHELL", "USER", "TMPDIR", "TERM"]);
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** Source files of a package (no node_modules, no build output, no fixtures). */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", ".next", "dist", "fixtures", "test-output", ".turbo"].includes(entry.name) || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every variable name a file reads from process.env (dot, bracket or destructuring). */
function processEnvReads(text: string): string[] {
  const names = [...text.matchAll(/process\.env(?:\.([A-Z_][A-Z0-9_]*)|\[\s*["'`]([A-Z_][A-Z0-9_]*)["'`]\s*\])/g)].map((m) => m[1] ?? m[2] ?? "");
  for (const m of text.matchAll(/\{([^{}]*)\}\s*=\s*process\.env/g)) {
    names.push(...(m[1] ?? "").split(",").map((part) => part.split(":")[0]?.trim() ?? ""));
  }
  return names.filter((name) => ENV_NAME.test(name));
}

/** The variables an app's env.ts validates: its schema keys and direct reads. */
function envSchemaKeys(text: string): string[] {
  return [...[...text.matchAll(/^\s+([A-Z][A-Z0-9_]*)\s*:\s*(?:z\b|optionalString|booleanString)/gm)].map((m) => m[1] ?? ""), ...processEnvReads(text)];
}

/** Keys of the `*_ENV` name maps packages export for env parsers the app calls (e.g. REALTIME_LIMIT_ENV). */
function envMapKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(/export const [A-Z0-9_]+_ENV\b[^=]*=[^{]*\{([\s\S]*?)\}\s*(?:as const)?\)?/g)) {
    keys.push(...[...(m[1] ?? "").matchAll(/^\s*["']?([A-Z][A-Z0-9_]*)["']?\s*:/gm)].map((k) => k[1] ?? ""));
  }
  return keys;
}

/** Backticked variable names in the README's Configuration table. */
function readmeConfigNames(): string[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf("## Configuration");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));
  return rows.flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1] ?? ""));
}

interface Requirement {
  readonly variable: string;
  readonly taskId: string;
  readonly why: string;
}

function requirements(): Requirement[] {
  const packages = [...readWorkspacePackages(repoRoot).values()];
  const manifests = new Map(packages.map((pkg) => [pkg.name, JSON.parse(readFileSync(join(pkg.dir, "package.json"), "utf8")) as Record<string, unknown>]));
  const dependsOn = (name: string, dep: string): boolean => {
    const manifest = manifests.get(name) ?? {};
    return ["dependencies", "devDependencies"].some((field) => Object.keys((manifest[field] as Record<string, string> | undefined) ?? {}).includes(dep));
  };
  const scripts = (name: string): Record<string, string> => (manifests.get(name)?.scripts as Record<string, string> | undefined) ?? {};
  const envMaps = packages.flatMap((pkg) => sourceFiles(pkg.dir).filter((f) => !f.includes(".test.")).flatMap((f) => envMapKeys(readFileSync(f, "utf8"))));
  const out: Requirement[] = [];
  for (const pkg of packages) {
    const users = [pkg.name, ...packages.filter((other) => dependsOn(other.name, pkg.name)).map((other) => other.name)].filter((name) => "test" in scripts(name));
    for (const file of sourceFiles(pkg.dir)) {
      const rel = relative(repoRoot, file);
      const text = readFileSync(file, "utf8");
      for (const variable of processEnvReads(text).filter((name) => !SYSTEM_VARIABLES.has(name))) {
        for (const user of users) out.push({ variable, taskId: `${user}#test`, why: `${rel} reads it` });
        if ("bench" in scripts(pkg.name) && !file.includes(".test.")) out.push({ variable, taskId: `${pkg.name}#bench`, why: `${rel} reads it` });
      }
    }
    const envTs = join(pkg.dir, "src", "env.ts");
    if (!existsSync(envTs)) continue;
    const appVariables = new Set([...envSchemaKeys(readFileSync(envTs, "utf8")), ...envMaps, ...readmeConfigNames()]);
    for (const task of ["start", "dev"].filter((t) => t in scripts(pkg.name))) {
      for (const variable of appVariables) out.push({ variable, taskId: `${pkg.name}#${task}`, why: "the app reads it (env.ts, an *_ENV map, or the README's configuration table)" });
    }
  }
  return out;
}

interface DryRunTask {
  readonly taskId: string;
  readonly environmentVariables: { readonly configured: string[] | null; readonly inferred: string[] | null; readonly passthrough: string[] | null };
}

/** Per task, the names turbo would hand it when every variable in `variables` is set. */
function passedByTurbo(variables: readonly string[]): Map<string, Set<string>> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", TURBO_TELEMETRY_DISABLED: "1" };
  // PATH, HOME and the like are turbo's own defaults: keep their real values.
  for (const variable of variables) env[variable] ??= "1";
  const json = execFileSync(join(repoRoot, "node_modules/.bin/turbo"), ["run", "start", "dev", "test", "bench", "--dry=json"], { cwd: repoRoot, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const dry = JSON.parse(json.slice(json.indexOf("{"))) as { globalCacheInputs: DryRunTask; tasks: DryRunTask[] };
  const names = (vars: DryRunTask["environmentVariables"]): string[] =>
    [...(vars.configured ?? []), ...(vars.inferred ?? []), ...(vars.passthrough ?? [])].map((entry) => entry.split("=")[0] ?? "");
  const global = names(dry.globalCacheInputs.environmentVariables);
  return new Map(dry.tasks.map((task) => [task.taskId, new Set([...global, ...names(task.environmentVariables)])]));
}

describe("every variable the code reads reaches its task through turbo.json", () => {
  const required = requirements();
  const passed = passedByTurbo([...new Set(required.map((r) => r.variable))]);

  it("finds the app's variables and the tests' variables (the scan itself works)", () => {
    const variables = new Set(required.map((r) => r.variable));
    for (const known of ["PORT", "SESSION_SECRET", "REDIS_KEY_PREFIX", "APP_SEED", "REALTIME_MAX_FRAME_BYTES", "REDIS_URL", "CHROMIUM_PATH", "BENCH_MODE", "SOAK"]) {
      expect(variables, known).toContain(known);
    }
    expect(passed.has("@repo/web-next#start")).toBe(true);
  });

  it("passes each one through (add it, or a wildcard covering it, to turbo.json)", () => {
    const missing = required
      .filter((r) => passed.has(r.taskId) && !(passed.get(r.taskId)?.has(r.variable) ?? false))
      .map((r) => `${r.variable} -> ${r.taskId} (${r.why})`);
    expect([...new Set(missing)]).toEqual([]);
  });
});
