import { describe, expect, it } from "vitest";
import type { PathCount } from "./count-path";
import { formatInstructionsTable } from "./instructions-report";

const count = (median: number, spread: number): PathCount => ({ perOp: [median], calibrationPerOp: [0], median, spread });

describe("formatInstructionsTable", () => {
  it("shows both paths, both stacks, the spread and the ratio", () => {
    const table = formatInstructionsTable({
      startedAt: "2026-12-06T01:00:00.000Z",
      durationSeconds: 600,
      plan: { ops: 200, windows: 5, warmupOps: 500, rewarmOps: 200, subscribers: 100 },
      ours: { broadcast: count(2_100_000, 0.02), inbound: count(330_000, 0.01) },
      baseline: { broadcast: count(2_000_000, 0.04), inbound: count(300_000, 0) },
    });
    expect(table.split("\n").slice(0, 4)).toEqual([
      "| hot path | ours (instructions/op) | baseline (instructions/op) | ours/baseline |",
      "|---|---:|---:|---:|",
      "| broadcast to a room of 100 | 2.100M ±1.0 % | 2.000M ±2.0 % | 1.050x |",
      "| one inbound publish through gate 3 (ack) | 0.330M ±0.5 % | 0.300M ±0.0 % | 1.100x |",
    ]);
    expect(table).toContain("Median of 5 windows of 200 lockstep operations");
  });
});
