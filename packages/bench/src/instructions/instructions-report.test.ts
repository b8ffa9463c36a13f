import { describe, expect, it } from "vitest";
import type { PathCount } from "./count-path";
import { formatInstructionsTable } from "./instructions-report";

const count = (median: number, spread: number): PathCount => ({ perOp: [median], calibrationPerOp: [0], median, min: median * 0.9, spread });

describe("formatInstructionsTable", () => {
  it("shows both paths, both stacks, the spread and the ratio", () => {
    const table = formatInstructionsTable({
      startedAt: "2026-12-06T01:00:00.000Z",
      durationSeconds: 600,
      plan: { ops: 200, windows: 5, warmupOps: 500, rewarmOps: 200, subscribers: 100 },
      ours: { broadcast: count(2_100_000, 0.02), targeted: count(60_000, 0), inbound: count(330_000, 0.01) },
      baseline: { broadcast: count(2_000_000, 0.04), targeted: count(40_000, 0), inbound: count(300_000, 0) },
    });
    expect(table.split("\n").slice(0, 5)).toEqual([
      "| hot path | ours: min / median (instructions/op) | baseline: min / median | ours/baseline (min) | ours/baseline (median) |",
      "|---|---:|---:|---:|---:|",
      "| broadcast to a room of 100 | 1.890M / 2.100M ±1.0 % | 1.800M / 2.000M ±2.0 % | 1.050x | 1.050x |",
      "| one message to a user's own channel (1 subscriber) | 0.054M / 0.060M ±0.0 % | 0.036M / 0.040M ±0.0 % | 1.500x | 1.500x |",
      "| one inbound publish through gate 3 (ack) | 0.297M / 0.330M ±0.5 % | 0.270M / 0.300M ±0.0 % | 1.100x | 1.100x |",
    ]);
    expect(table).toContain("5 windows of 200 operations");
  });
});
