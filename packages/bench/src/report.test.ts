import { describe, expect, it } from "vitest";
import { figure } from "./harness/figures";
import type { BenchReport } from "./harness/report-types";
import { formatRatio, formatReportTable } from "./report";

const report: BenchReport = {
  mode: "quick",
  startedAt: "2026-12-01T00:00:00.000Z",
  durationSeconds: 1,
  machine: { cpus: 2, cpuModel: "test", node: "v20", platform: "linux", totalMemoryBytes: 1, openFilesLimit: 1024, loadAverage: { atStart: 0.5, atEnd: 0.7 } },
  settings: {},
  results: [
    {
      scenario: "1 fan-out",
      variant: "100 subscribers",
      figures: [figure("deliveries/s at p99<100ms", "/s", "higher", 95_000, 100_000), figure("p99 at that rate", "ms", "lower", 12.5, null)],
      notes: ["a note"],
    },
  ],
};

describe("formatReportTable", () => {
  it("prints one Markdown row per figure with ours, baseline and the ratio, and the notes below", () => {
    const table = formatReportTable(report);
    expect(table).toMatch(/\| 1 fan-out: 100 subscribers \| deliveries\/s at p99<100ms \| +95,000 \| +100,000 \| +0\.95x \|/);
    expect(table).toMatch(/\| +\| p99 at that rate +\| +12\.5 ms \| +— ms \| +— \|/);
    expect(table).toContain("- 1 fan-out (100 subscribers): a note");
  });
});

describe("formatRatio", () => {
  it.each([
    { f: figure("x", "/s", "higher", 80, 100), text: "0.80x !" },
    { f: figure("x", "/s", "higher", 95, 100), text: "0.95x" },
    { f: figure("x", "µs", "lower", 12, 10), text: "1.20x !" },
    { f: figure("x", "µs", "lower", 9, 10), text: "0.90x" },
  ])("marks ratios more than 10 % on the wrong side ($text)", ({ f, text }) => {
    expect(formatRatio(f)).toBe(text);
  });
});
