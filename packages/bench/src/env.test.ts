import { describe, expect, it } from "vitest";
import { SCENARIOS } from "./bench-config";
import { readBenchEnv } from "./env";

describe("readBenchEnv", () => {
  it("defaults to a quick run of every scenario on the local Redis", () => {
    expect(readBenchEnv({})).toEqual({ mode: "quick", scenarios: SCENARIOS, redisUrl: "redis://127.0.0.1:6379", cpuProfileDir: undefined, ci: false });
  });

  it("reads a subset, a profile folder and CI", () => {
    const env = readBenchEnv({ BENCH_MODE: "full", BENCH_SCENARIOS: ` ${SCENARIOS[0]} `, BENCH_CPU_PROFILE_DIR: "/tmp/p", CI: "true" });
    expect(env).toMatchObject({ mode: "full", scenarios: [SCENARIOS[0]], cpuProfileDir: "/tmp/p", ci: true });
  });

  it.each([
    [{ BENCH_MODE: "slow" }, /BENCH_MODE must be quick or full/],
    [{ BENCH_SCENARIOS: "nope" }, /Unknown BENCH_SCENARIOS nope/],
  ])("refuses %o", (env, message) => {
    expect(() => readBenchEnv(env)).toThrow(message);
  });
});
