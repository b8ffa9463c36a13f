import { describe, expect, it } from "vitest";
import { alternateSearch, bestLossless, bestPassing, cpuAtCommonRate } from "./alternate-search";
import type { StepResult } from "./step-result";

function step(offeredPerSecond: number, passed: boolean, cpu = 5, lost = 0): StepResult {
  return {
    offeredPerSecond,
    achievedPerSecond: offeredPerSecond,
    p50Ms: 1,
    p95Ms: 2,
    p99Ms: passed ? 3 : 300,
    maxMs: 400,
    cpuMicrosPerDelivery: cpu,
    clientCpuMicrosPerDelivery: cpu * 2,
    serverLoopDelayMaxMs: 5,
    lost,
    passed,
  };
}

const search = { start: 1_000, growth: 2, resolution: 1.5, maxSteps: 4, maxRate: 1e6, minRate: 100 };

describe("alternateSearch", () => {
  it("alternates the stacks ABBA after one warm-up step each, and confirms failures when asked", async () => {
    const calls: string[] = [];
    const capacity = { ours: 3_000, baseline: 5_000 };
    const steps = await alternateSearch(
      search,
      Date.now() + 60_000,
      (kind, rate) => {
        calls.push(`${kind}@${rate}`);
        return Promise.resolve(step(rate, rate <= capacity[kind]));
      },
      () => undefined,
      true,
    );
    expect(calls.slice(0, 4)).toEqual(["ours@250", "baseline@250", "ours@1000", "baseline@1000"]);
    expect(calls.slice(4, 6)).toEqual(["baseline@2000", "ours@2000"]);
    // ours fails at 4000 and is given its second attempt before the search moves on.
    expect(calls.filter((c) => c === "ours@4000")).toHaveLength(2);
    expect(bestPassing(steps.ours)?.offeredPerSecond).toBeLessThanOrEqual(3_000);
    expect(bestPassing(steps.baseline)?.offeredPerSecond).toBeGreaterThan(3_000);
  });

  it("starts no step after the deadline", async () => {
    const steps = await alternateSearch(search, Date.now() - 1, (_kind, rate) => Promise.resolve(step(rate, true)));
    expect(steps).toEqual({ ours: [], baseline: [] });
  });
});

describe("cpuAtCommonRate", () => {
  it("compares CPU at the highest rate both stacks passed", () => {
    const cpu = cpuAtCommonRate({
      ours: [step(1_000, true, 6), step(2_000, true, 5), step(4_000, false, 4)],
      baseline: [step(1_000, true, 5), step(2_000, true, 4), step(4_000, true, 3)],
    });
    expect(cpu).toEqual({ ours: 5, baseline: 4, clientOurs: 10, clientBaseline: 8, atPerSecond: 2_000, passing: true });
  });

  it("falls back to the lowest rate both ran when nothing passed on both", () => {
    const cpu = cpuAtCommonRate({
      ours: [step(1_000, false, 9), step(500, false, 8)],
      baseline: [step(1_000, true, 7), step(500, false, 6)],
    });
    expect(cpu).toEqual({ ours: 8, baseline: 6, clientOurs: 16, clientBaseline: 12, atPerSecond: 500, passing: false });
  });

  it("has no figure when the stacks share no rate", () => {
    expect(cpuAtCommonRate({ ours: [step(1_000, true)], baseline: [step(2_000, true)] }).atPerSecond).toBeNull();
  });
});

describe("bestLossless", () => {
  it("takes the highest rate with nothing lost, whatever its p99", () => {
    expect(bestLossless([step(1_000, true), step(4_000, false), step(8_000, false, 5, 12)])?.offeredPerSecond).toBe(4_000);
  });
});
