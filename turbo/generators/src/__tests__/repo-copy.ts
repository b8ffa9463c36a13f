import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pnpmCommand } from "../pnpm-install-action";

/** What a command printed and how it ended. */
export interface CommandResult {
  readonly status: number | null;
  /** stdout and stderr together, without colour codes. */
  readonly output: string;
}

/** A private copy of the repo with its own node_modules and a git baseline to compare against. */
export interface RepoCopy {
  readonly dir: string;
  /** Runs a command in the copy (or a folder of it) with stdin closed and no TTY. */
  run(command: string, args: readonly string[], options?: RunOptions): CommandResult;
  /** Like {@link RepoCopy.run}, without blocking: for independent commands run side by side. */
  runAsync(command: string, args: readonly string[], options?: RunOptions): Promise<CommandResult>;
  /** Runs pnpm (the same pnpm running this test) in the copy. */
  pnpm(args: readonly string[], options?: RunOptions): CommandResult;
  /** Like {@link RepoCopy.pnpm}, without blocking. */
  pnpmAsync(args: readonly string[], options?: RunOptions): Promise<CommandResult>;
  /** `git status --porcelain`: empty when the tree matches the last baseline. */
  status(): string;
  /** Records the current tree as the baseline. */
  commit(message: string): void;
  dispose(): void;
}

/** Where a command runs (a folder of the copy) and how long it may take. */
interface RunOptions {
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** The parent environment minus vitest's own variables, so nested test runs start clean. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST") || key === "TEST") delete env[key];
  return env;
}

function stripColour(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

function runCommand(cwd: string, command: string, args: readonly string[], timeoutMs: number): CommandResult {
  const result = spawnSync(command, args, { cwd, env: childEnv(), stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const output = stripColour(`${result.stdout}${result.stderr}${result.error === undefined ? "" : `\n${result.error.message}`}`);
  return { status: result.status, output };
}

function runCommandAsync(cwd: string, command: string, args: readonly string[], timeoutMs: number): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: childEnv(), stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", (error) => (output += `\n${error.message}`));
    child.on("close", (status) => resolve({ status, output: stripColour(output) }));
  });
}

function mustRun(cwd: string, command: string, args: readonly string[], timeoutMs = DEFAULT_TIMEOUT_MS): string {
  const result = runCommand(cwd, command, args, timeoutMs);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${String(result.status)}):\n${result.output}`);
  return result.output;
}

/**
 * Copies the repo as it is on disk (tracked and untracked files git does not ignore, so the
 * generator code under test is included; no node_modules), commits it to a fresh git repository
 * as the baseline, and installs it from the local pnpm store (`pnpm install --offline
 * --frozen-lockfile`).
 *
 * @example
 * const copy = createRepoCopy(findRepoRoot());
 * copy.pnpm(["exec", "gen", "run", "feature", "--args", "polls"]);
 */
export function createRepoCopy(root: string): RepoCopy {
  const dir = mkdtempSync(join(tmpdir(), "generators-repo-"));
  const files = mustRun(root, "git", ["ls-files", "--cached", "--others", "--exclude-standard", "--deduplicate", "-z"]).split("\0");
  for (const file of files) {
    if (file === "" || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(root, file), join(dir, file));
  }
  const git = (args: readonly string[]) => mustRun(dir, "git", ["-c", "user.name=generators-test", "-c", "user.email=generators-test@localhost", ...args]);
  git(["init", "--quiet"]);
  const commit = (message: string) => {
    git(["add", "--all"]);
    git(["commit", "--quiet", "--allow-empty", "--no-verify", "-m", message]);
  };
  commit("baseline");
  const [pnpm, ...pnpmPrefix] = pnpmCommand(process.env);
  const copy: RepoCopy = {
    dir,
    run: (command, args, options = {}) => runCommand(options.cwd === undefined ? dir : join(dir, options.cwd), command, args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    runAsync: (command, args, options = {}) =>
      runCommandAsync(options.cwd === undefined ? dir : join(dir, options.cwd), command, args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    pnpm: (args, options = {}) => copy.run(pnpm, [...pnpmPrefix, ...args], options),
    pnpmAsync: (args, options = {}) => copy.runAsync(pnpm, [...pnpmPrefix, ...args], options),
    status: () => git(["status", "--porcelain", "--untracked-files=all"]).trim(),
    commit,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
  const install = copy.pnpm(["install", "--offline", "--frozen-lockfile"]);
  if (install.status !== 0) throw new Error(`pnpm install --offline --frozen-lockfile failed in the copy (is pnpm-lock.yaml in sync?):\n${install.output}`);
  return copy;
}
