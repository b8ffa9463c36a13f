import { describe, expect, it } from "vitest";
import { SCENARIOS } from "./bench-config";
import { readBenchEnv, readInstructionsEnv } from "./env";

describe("readBenchEnv", () => {
  it("defaults to a quick run of every scenario on the local Redis", () => {
    expect(readBenchEnv({})).toEqual({ mode: "quick", scenarios: SCENARIOS, redisUrl: "redis://127.0.0.1:6379", postgresUrl: undefined, cpuProfileDir: undefined, runs: 1, ci: false });
  });

  it("takes scenario 7's PostgreSQL from BENCH_DATABASE_URL, else TEST_DATABASE_URL", () => {
    expect(readBenchEnv({ TEST_DATABASE_URL: "postgres://t@h/db" }).postgresUrl).toBe("postgres://t@h/db");
    expect(readBenchEnv({ BENCH_DATABASE_URL: "postgres://b@h/db", TEST_DATABASE_URL: "postgres://t@h/db" }).postgresUrl).toBe("postgres://b@h/db");
  });

  it("reads a subset, a profile folder, the number of runs and CI", () => {
    const env = readBenchEnv({ BENCH_MODE: "full", BENCH_SCENARIOS: ` ${SCENARIOS[0]} `, BENCH_CPU_PROFILE_DIR: "/tmp/p", BENCH_RUNS: "3", CI: "true" });
    expect(env).toMatchObject({ mode: "full", scenarios: [SCENARIOS[0]], cpuProfileDir: "/tmp/p", runs: 3, ci: true });
  });

  it.each([
    [{ BENCH_MODE: "slow" }, /BENCH_MODE must be quick or full/],
    [{ BENCH_SCENARIOS: "nope" }, /Unknown BENCH_SCENARIOS nope/],
    [{ BENCH_RUNS: "0" }, /BENCH_RUNS must be a positive integer/],
  ])("refuses %o", (env, message) => {
    expect(() => readBenchEnv(env)).toThrow(message);
  });
});

describe("readInstructionsEnv", () => {
  it("defaults to 5 windows of 200 operations after 500 warm-up operations, 100 subscribers", () => {
    expect(readInstructionsEnv({})).toEqual({ ops: 200, windows: 5, warmupOps: 500, rewarmOps: 200, subscribers: 100 });
  });

  it("reads every setting", () => {
    const env = readInstructionsEnv({ BENCH_INSTR_OPS: "300", BENCH_INSTR_WINDOWS: "7", BENCH_INSTR_WARMUP: "1000", BENCH_INSTR_REWARM: "50", BENCH_INSTR_SUBSCRIBERS: "10" });
    expect(env).toEqual({ ops: 300, windows: 7, warmupOps: 1000, rewarmOps: 50, subscribers: 10 });
  });

  it.each(["0", "-3", "1.5", "many"])("refuses BENCH_INSTR_OPS=%s", (raw) => {
    expect(() => readInstructionsEnv({ BENCH_INSTR_OPS: raw })).toThrow(`BENCH_INSTR_OPS must be a positive integer, got "${raw}"`);
  });
});
