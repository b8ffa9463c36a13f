import { describe, expect, it } from "vitest";
import { LatencyHistogram } from "../stats/latency-histogram";
import { summarizeStep } from "./step-result";
import type { StepMeasurement } from "./step-result";

function measurement(latencyMicros: number, overrides: Partial<StepMeasurement> = {}): StepMeasurement {
  const histogram = new LatencyHistogram();
  for (let i = 0; i < 1_000; i++) histogram.record(latencyMicros);
  return {
    offeredPerSecond: 1_000,
    expected: 3_000,
    received: 3_000,
    elapsedMs: 3_000,
    cpuMicros: 30_000,
    loopDelayMaxMs: 12.345,
    serverDeliveries: 3_000,
    histogram,
    errors: 0,
    ...overrides,
  };
}

describe("summarizeStep", () => {
  it("passes a step with p99 under 100 ms and nothing lost, with rates and CPU per delivery", () => {
    const result = summarizeStep(measurement(20_000));
    expect(result).toMatchObject({ offeredPerSecond: 1_000, achievedPerSecond: 1_000, cpuMicrosPerDelivery: 10, serverLoopDelayMaxMs: 12.3, lost: 0, passed: true });
    expect(result.p99Ms).toBe(20);
    expect(result.failure).toBeUndefined();
  });

  it.each([
    { name: "p99 at the bound", input: measurement(100_000), failure: "p99 100.0 ms" },
    { name: "a lost delivery", input: measurement(1_000, { received: 2_999 }), failure: "1 lost" },
    { name: "a broadcast error", input: measurement(1_000, { errors: 2 }), failure: "2 broadcast errors" },
    { name: "no samples at all", input: measurement(1_000, { histogram: new LatencyHistogram(), received: 3_000 }), failure: "p99 NaN ms" },
  ])("fails on $name", ({ input, failure }) => {
    expect(summarizeStep(input)).toMatchObject({ passed: false, failure });
  });
});
