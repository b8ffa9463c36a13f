import { execFileSync } from "node:child_process";
import { generatorEnv } from "./env";

/** Flags every install attempt shares. */
const COMMON_ARGS = [
  // The lockfile must gain the new importer; CI=true would otherwise imply --frozen-lockfile.
  "--no-frozen-lockfile",
  // No TTY to confirm a node_modules purge on; never purge from a generator.
  "--config.confirmModulesPurge=false",
] as const;

/**
 * The installs tried in order: fully offline first (the store already holds every package the
 * templates use); then, when pnpm lacks cached registry metadata to resolve the new package's
 * `catalog:` specifiers (ERR_PNPM_NO_OFFLINE_META), store-first with the registry asked only for
 * what the cache misses.
 */
export const PNPM_INSTALL_ATTEMPTS: readonly (readonly string[])[] = [
  ["install", "--offline", ...COMMON_ARGS],
  ["install", "--prefer-offline", ...COMMON_ARGS],
];

/**
 * The pnpm to call: the one running this process when pnpm started it (`pnpm exec gen`,
 * `pnpm gen`), so a machine with pnpm only through `npx pnpm@...` works too; `pnpm` otherwise.
 *
 * @example
 * pnpmCommand({ npm_execpath: "/usr/lib/node_modules/pnpm/bin/pnpm.cjs" }); // [process.execPath, ".../pnpm.cjs"]
 */
export function pnpmCommand(env: Readonly<Record<string, string | undefined>>): readonly [string, ...string[]] {
  const execPath = env.npm_execpath;
  return execPath !== undefined && /pnpm(\.c?js)?$/.test(execPath) ? [process.execPath, execPath] : ["pnpm"];
}

function outputOf(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const { stdout, stderr } = error as { stdout?: unknown; stderr?: unknown };
  return `${typeof stdout === "string" ? stdout : ""}${typeof stderr === "string" ? stderr : ""}`;
}

/**
 * Links a newly generated workspace package (`pnpm install --offline`, see
 * {@link PNPM_INSTALL_ATTEMPTS}) so its tests run with no hand edits. Returns the command that
 * succeeded; throws with pnpm's output when every attempt failed.
 *
 * @example
 * actions: [..., () => runPnpmInstall(plop.getDestBasePath())]
 */
export function runPnpmInstall(root: string): string {
  const [command, ...prefix] = pnpmCommand({ npm_execpath: generatorEnv.npmExecPath });
  const failures: string[] = [];
  for (const args of PNPM_INSTALL_ATTEMPTS) {
    try {
      execFileSync(command, [...prefix, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
      return `pnpm ${args.join(" ")}`;
    } catch (error) {
      const output = outputOf(error);
      failures.push(`pnpm ${args.join(" ")}:\n${output}`);
      if (!output.includes("ERR_PNPM_NO_OFFLINE_META")) break;
    }
  }
  throw new Error(`the files are written, but linking them failed in ${root}; fix the cause and run \`pnpm install\`\n${failures.join("\n")}`);
}
