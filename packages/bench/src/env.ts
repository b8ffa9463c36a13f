import { SCENARIOS } from "./bench-config";
import type { BenchMode, ScenarioName } from "./bench-config";

/**
 * `pnpm bench`'s environment, read and checked once (lint allows `process.env`
 * only in `env.ts` files): BENCH_MODE=quick (default, and CI's smoke run) or
 * full; BENCH_SCENARIOS=fan-out,inbound runs a subset; BENCH_CPU_PROFILE_DIR=<dir>
 * makes every server process write a V8 CPU profile there; BENCH_RUNS=3 runs
 * everything three times and reports the medians; REDIS_URL; BENCH_DATABASE_URL
 * (else TEST_DATABASE_URL): the PostgreSQL server scenario 7 creates its database on; CI.
 */
export interface BenchEnv {
  readonly mode: BenchMode;
  readonly scenarios: readonly ScenarioName[];
  readonly redisUrl: string;
  readonly postgresUrl: string | undefined;
  readonly cpuProfileDir: string | undefined;
  /** Full runs, one after another; the report gives every figure as the median over them (default 1). */
  readonly runs: number;
  readonly ci: boolean;
}

/**
 * @example
 * const { mode, scenarios } = readBenchEnv(); // throws on BENCH_MODE=slow
 */
export function readBenchEnv(env: Readonly<Record<string, string | undefined>> = fromProcess()): BenchEnv {
  return {
    mode: parseMode(env.BENCH_MODE),
    scenarios: parseScenarios(env.BENCH_SCENARIOS),
    redisUrl: env.REDIS_URL ?? "redis://127.0.0.1:6379",
    postgresUrl: env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL,
    cpuProfileDir: env.BENCH_CPU_PROFILE_DIR,
    runs: positiveInteger(env, "BENCH_RUNS", 1),
    ci: env.CI === "true",
  };
}

// Each variable by name, so a reader (and turbo-env.repo.test.ts) sees which ones the bench reads.
function fromProcess(): Readonly<Record<string, string | undefined>> {
  return {
    BENCH_MODE: process.env.BENCH_MODE,
    BENCH_SCENARIOS: process.env.BENCH_SCENARIOS,
    BENCH_CPU_PROFILE_DIR: process.env.BENCH_CPU_PROFILE_DIR,
    BENCH_RUNS: process.env.BENCH_RUNS,
    REDIS_URL: process.env.REDIS_URL,
    BENCH_DATABASE_URL: process.env.BENCH_DATABASE_URL,
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    CI: process.env.CI,
  };
}

function parseMode(raw = "quick"): BenchMode {
  if (raw !== "quick" && raw !== "full") throw new Error(`BENCH_MODE must be quick or full, got "${raw}"`);
  return raw;
}

function parseScenarios(raw: string | undefined): readonly ScenarioName[] {
  if (raw === undefined || raw.trim() === "") return SCENARIOS;
  const names = raw.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown BENCH_SCENARIOS ${unknown.join(", ")}; known: ${SCENARIOS.join(", ")}`);
  return names as ScenarioName[];
}

/** `pnpm bench:instructions`'s plan (instructions/cli.ts), each a positive integer. */
export interface InstructionsEnv {
  /** BENCH_INSTR_OPS: operations per counting window (default 200). */
  readonly ops: number;
  /** BENCH_INSTR_WINDOWS: counting windows per path and stack; the figure is their median (default 5). */
  readonly windows: number;
  /** BENCH_INSTR_WARMUP: unrecorded operations before the first window (default 500). */
  readonly warmupOps: number;
  /** BENCH_INSTR_REWARM: unrecorded operations after each window's forced GC (default 200). */
  readonly rewarmOps: number;
  /** BENCH_INSTR_SUBSCRIBERS: sockets in the broadcast path's room (default 100). */
  readonly subscribers: number;
}

/**
 * @example
 * const { ops, windows } = readInstructionsEnv(); // throws on BENCH_INSTR_OPS=0
 */
export function readInstructionsEnv(env: Readonly<Record<string, string | undefined>> = instructionsFromProcess()): InstructionsEnv {
  return {
    ops: positiveInteger(env, "BENCH_INSTR_OPS", 200),
    windows: positiveInteger(env, "BENCH_INSTR_WINDOWS", 5),
    warmupOps: positiveInteger(env, "BENCH_INSTR_WARMUP", 500),
    rewarmOps: positiveInteger(env, "BENCH_INSTR_REWARM", 200),
    subscribers: positiveInteger(env, "BENCH_INSTR_SUBSCRIBERS", 100),
  };
}

function instructionsFromProcess(): Readonly<Record<string, string | undefined>> {
  return {
    BENCH_INSTR_OPS: process.env.BENCH_INSTR_OPS,
    BENCH_INSTR_WINDOWS: process.env.BENCH_INSTR_WINDOWS,
    BENCH_INSTR_WARMUP: process.env.BENCH_INSTR_WARMUP,
    BENCH_INSTR_REWARM: process.env.BENCH_INSTR_REWARM,
    BENCH_INSTR_SUBSCRIBERS: process.env.BENCH_INSTR_SUBSCRIBERS,
  };
}

function positiveInteger(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}
