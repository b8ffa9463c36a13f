import { describe, expect, it } from "vitest";
import { benchConfig } from "./bench-config";
import type { BenchConfig } from "./bench-config";
import { formatReportTable } from "./report";
import { runBench } from "./run-bench";

/** One scenario, tiny and short: this checks the report's shape, never speed. */
function tinyConfig(scenario: "fan-out" | "connections"): BenchConfig {
  const quick = benchConfig("quick", { redisUrl: "redis://127.0.0.1:6379", scenarios: [scenario] });
  return {
    ...quick,
    stepDurationMs: 300,
    search: { ...quick.search, maxSteps: 1 },
    fanOut: { sizes: [20], start: 1_000, budgetMs: 30_000 },
    connections: { sockets: 20, repeats: 1 },
    maxLifetimeMs: 90_000,
    totalBudgetMs: 60_000,
  };
}

describe("runBench (tiny bounded runs, separate processes, real sockets)", () => {
  it("runs fan-out for both stacks and reports every figure with its ratio", { timeout: 120_000 }, async () => {
    const report = await runBench(tinyConfig("fan-out"), { ci: false });
    expect(report.mode).toBe("quick");
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.results).toHaveLength(1);
    const [result] = report.results;
    expect(result?.scenario).toBe("1 fan-out");
    expect(result?.figures.map((f) => f.name)).toEqual([
      "deliveries/s at p99<100ms",
      "deliveries/s with none lost (any p99)",
      "p50 at that rate",
      "p95 at that rate",
      "p99 at that rate",
      expect.stringMatching(/^server CPU per delivery/),
    ]);
    for (const f of result?.figures ?? []) {
      expect(f.ratio === null || typeof f.ratio === "number").toBe(true);
      if (f.ours !== null && f.baseline !== null && f.baseline !== 0) expect(f.ratio).toBeCloseTo(f.ours / f.baseline, 10);
    }
    // One step per stack (maxSteps 1), each with the step's figures, measured on 20 real subscribers.
    for (const kind of ["ours", "baseline"] as const) {
      const steps = result?.steps?.[kind] ?? [];
      expect(steps).toHaveLength(1);
      expect(steps[0]).toMatchObject({ offeredPerSecond: 1_000, lost: expect.any(Number) as number, passed: expect.any(Boolean) as boolean });
      expect(steps[0]?.achievedPerSecond).toBeGreaterThan(0);
    }
    expect(() => JSON.stringify(report)).not.toThrow();
    expect(formatReportTable(report)).toMatch(/\| 1 fan-out: 20 subscribers, one channel +\| deliveries\/s at p99<100ms/);
  });

  it("measures memory per idle connection for both stacks", { timeout: 120_000 }, async () => {
    const report = await runBench(tinyConfig("connections"), { ci: false });
    const figures = report.results[0]?.figures ?? [];
    expect(figures.map((f) => f.name)).toEqual(["RSS per idle connection", "JS heap per idle connection"]);
    expect(figures.every((f) => f.unit === "KiB" && typeof f.ours === "number" && typeof f.baseline === "number")).toBe(true);
  });
});
