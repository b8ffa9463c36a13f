import { describe, expect, it } from "vitest";
import { figure } from "./figures";
import { medianOfRuns } from "./median-of-runs";
import type { BenchReport } from "./report-types";

function run(throughput: [number, number], cpu: [number, number], rate: number, load: number): BenchReport {
  return {
    mode: "full",
    startedAt: "2026-12-06T04:00:00.000Z",
    durationSeconds: 600,
    machine: { cpus: 2, cpuModel: "x", node: "v20", platform: "linux", totalMemoryBytes: 1, openFilesLimit: 20_000, loadAverage: { atStart: load, atEnd: load + 1 } },
    settings: {},
    results: [
      {
        scenario: "2 many channels",
        variant: "10,000 sockets",
        figures: [
          figure("deliveries/s at p99<100ms", "/s", "higher", throughput[0], throughput[1]),
          figure(`server CPU per delivery (at ${rate.toLocaleString("en-US")}/s)`, "µs", "lower", cpu[0], cpu[1]),
        ],
        notes: ["a note"],
      },
    ],
  };
}

describe("medianOfRuns", () => {
  it("takes the median of ours, of the baseline and of each run's own ratio, figure by figure", () => {
    const summary = medianOfRuns([
      run([80, 100], [12, 10], 32_768, 4),
      run([90, 100], [10, 10], 20_480, 6),
      run([50, 40], [30, 20], 32_768, 9),
    ]);
    const [row] = summary.results;
    expect(summary.runCount).toBe(3);
    expect(summary.runs).toHaveLength(3);
    expect(summary.durationSeconds).toBe(1_800);
    expect(summary.machine.loadAverage).toEqual({ atStart: 4, atEnd: 10 });
    expect(row?.notes).toEqual(["median of 3 runs", "a note"]);
    const [throughput, cpu] = row?.figures ?? [];
    expect(throughput).toMatchObject({ name: "deliveries/s at p99<100ms", ours: 80, baseline: 100, ratio: 0.9 });
    // Ratios 1.2, 1.0, 1.5: the median ratio is 1.2, not 12 / 10 of the medians' own pairing by chance.
    expect(cpu).toMatchObject({ name: "server CPU per delivery (at each run's common rate)", ours: 12, baseline: 10, ratio: 1.2 });
  });

  it("says so when a row is missing from some runs", () => {
    const partial: BenchReport = { ...run([1, 1], [1, 1], 1, 1), results: [] };
    const summary = medianOfRuns([run([80, 100], [12, 10], 1, 1), partial]);
    expect(summary.results[0]?.notes).toContain("in 1 of 2 runs only");
  });

  it("refuses no runs at all", () => {
    expect(() => medianOfRuns([])).toThrow(RangeError);
  });
});
