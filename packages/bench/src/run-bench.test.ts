import { describe, expect, it } from "vitest";
import { SCENARIOS, benchConfig } from "./bench-config";
import type { ScenarioName } from "./bench-config";
import { alternateSearch } from "./harness/alternate-search";
import { searchedFigures } from "./harness/figures";
import type { ScenarioResult } from "./harness/report-types";
import type { StepResult } from "./harness/step-result";
import { formatReportTable } from "./report";
import { RedisUnavailableError, SCENARIO_RUNNERS, runBench } from "./run-bench";
import type { ScenarioRunner } from "./run-bench";
import { searchDeadline, searchOptions } from "./scenarios/scenario-context";
import type { ScenarioContext } from "./scenarios/scenario-context";
import type { StackKind } from "./stacks/bench-stack";

// The harness's shape, without a load step: the real scenarios (server and load-driver processes,
// thousands of sockets) would compete with every other package's tests for the machine and measure
// nothing meaningful there. They run in `.ci/run`'s smoke run (`BENCH_MODE=quick pnpm bench`).

/** A dry step: what a stack "achieved" is a pure function of the offered rate, so nothing can starve it. */
function dryStep(kind: StackKind, offeredPerSecond: number): StepResult {
  const ours = kind === "ours";
  return {
    offeredPerSecond,
    achievedPerSecond: ours ? offeredPerSecond : offeredPerSecond * 0.8,
    p50Ms: ours ? 2 : 3,
    p95Ms: ours ? 5 : 7,
    p99Ms: ours ? 9 : 12,
    maxMs: 20,
    cpuMicrosPerDelivery: ours ? 4 : 5,
    clientCpuMicrosPerDelivery: ours ? 9 : 7,
    serverLoopDelayMaxMs: 1,
    lost: 0,
    passed: true,
  };
}

/** Scenario 1's pipeline (rate search of both stacks, then its figures), with dry steps instead of fleets. */
const dryFanOut: ScenarioRunner = async (ctx: ScenarioContext): Promise<ScenarioResult[]> => {
  const size = ctx.config.fanOut.sizes[0] ?? 0;
  const steps = await alternateSearch(searchOptions(ctx, ctx.config.fanOut), searchDeadline(ctx, ctx.config.fanOut), (kind, rate) =>
    Promise.resolve(dryStep(kind, rate)),
  );
  return [{ scenario: "1 fan-out", variant: `${size.toLocaleString("en-US")} subscribers, one channel`, figures: searchedFigures(steps, "deliveries"), steps, notes: [] }];
};

/** Runners that only record that they ran, and with which context. */
function recordingRunners(ran: string[], contexts: ScenarioContext[]): Record<ScenarioName, ScenarioRunner> {
  const runner =
    (name: ScenarioName): ScenarioRunner =>
    (ctx) => {
      ran.push(name);
      contexts.push(ctx);
      return name === "fan-out" ? dryFanOut(ctx) : Promise.resolve([{ scenario: name, variant: "dry", figures: [], notes: [] }]);
    };
  return Object.fromEntries(SCENARIOS.map((name) => [name, runner(name)])) as Record<ScenarioName, ScenarioRunner>;
}

const quick = benchConfig("quick", { redisUrl: "redis://127.0.0.1:6379" });
const redisUp = () => Promise.resolve({ ok: true } as const);
const redisDown = () => Promise.resolve({ ok: false, reason: "ECONNREFUSED" } as const);

describe("runBench: the harness's shape (dry scenarios, no processes, no load)", () => {
  it("has a real runner for every scenario, in the order the report lists them", () => {
    expect(Object.keys(SCENARIO_RUNNERS).sort()).toEqual([...SCENARIOS].sort());
    expect(SCENARIOS).toEqual(["fan-out", "many-channels", "connections", "inbound", "redis", "coalescing", "outbox"]);
    expect(quick.scenarios).toEqual(SCENARIOS);
  });

  it("runs the configured scenarios in order, each within the run's budget, and reports settings and machine", async () => {
    const ran: string[] = [];
    const contexts: ScenarioContext[] = [];
    const before = Date.now();
    const report = await runBench(quick, { ci: true, runners: recordingRunners(ran, contexts), probeRedis: redisUp, warnings: ["scaled down"] });
    expect(ran).toEqual([...SCENARIOS]);
    for (const ctx of contexts) {
      expect(ctx.config).toBe(quick);
      expect(ctx.deadline).toBeGreaterThanOrEqual(before + quick.totalBudgetMs);
    }
    expect(report.mode).toBe("quick");
    expect(new Date(report.startedAt).getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(report.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.loadAverage).toEqual({ atStart: expect.any(Number) as number, atEnd: expect.any(Number) as number });
    expect(report.settings).toEqual({
      payloadBytes: quick.payloadBytes,
      stepDurationMs: quick.stepDurationMs,
      search: quick.search,
      p99BoundMs: 100,
      warnings: ["scaled down"],
    });
    expect(report.results.map((result) => result.scenario)).toEqual(["1 fan-out", "many-channels", "connections", "inbound", "redis", "coalescing", "outbox"]);
    expect(() => JSON.stringify(report)).not.toThrow();
  });

  it("reports every fan-out figure for both stacks with its ratio, from one searched step per stack", async () => {
    const config = { ...quick, scenarios: ["fan-out"] as const, search: { ...quick.search, maxSteps: 1 } };
    const report = await runBench(config, { ci: false, runners: recordingRunners([], []) });
    const [result] = report.results;
    expect(result?.figures.map((f) => f.name)).toEqual([
      "deliveries/s at p99<100ms",
      "deliveries/s with none lost (any p99)",
      "p50 at that rate",
      "p95 at that rate",
      "p99 at that rate",
      expect.stringMatching(/^server CPU per delivery \(at [\d,]+\/s\)$/),
      "client CPU per delivery (same steps)",
    ]);
    for (const f of result?.figures ?? []) {
      expect(f.ours).not.toBeNull();
      expect(f.baseline).not.toBeNull();
      expect(f.ratio).toBeCloseTo((f.ours ?? 0) / (f.baseline ?? 1), 10);
    }
    for (const kind of ["ours", "baseline"] as const) {
      expect(result?.steps?.[kind]).toEqual([dryStep(kind, quick.fanOut.start)]);
    }
    expect(formatReportTable(report)).toMatch(/\| 1 fan-out: 100 subscribers, one channel +\| deliveries\/s at p99<100ms +\| +20,000 +\| +16,000 +\| +1\.25x/);
  });

  it("skips scenario 5 loudly when Redis does not answer, and fails the run instead under CI", async () => {
    const config = { ...quick, scenarios: ["redis"] as const };
    const lines: string[] = [];
    const report = await runBench(config, { ci: false, runners: recordingRunners([], []), probeRedis: redisDown, log: (line) => lines.push(line) });
    expect(report.results).toEqual([
      { scenario: "5 two instances + Redis", variant: "skipped", figures: [], notes: ["SKIPPED: Redis did not answer (ECONNREFUSED)"] },
    ]);
    expect(lines.join("\n")).toMatch(/scenario 5 is SKIPPED/);
    await expect(runBench(config, { ci: true, runners: recordingRunners([], []), probeRedis: redisDown })).rejects.toBeInstanceOf(RedisUnavailableError);
  });
});
