import type { StepsByStack } from "./alternate-search";

/** Whether a bigger figure is better (throughput) or worse (latency, CPU, memory). */
export type Better = "higher" | "lower";

export interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly better: Better;
  readonly ours: number | null;
  readonly baseline: number | null;
  /** ours / baseline; `null` when either is missing. */
  readonly ratio: number | null;
}

/** One row group of the report: one scenario at one size. */
export interface ScenarioResult {
  readonly scenario: string;
  /** e.g. `N=1,000 subscribers`. */
  readonly variant: string;
  readonly figures: readonly Figure[];
  /** Every measured step, for the JSON file. */
  readonly steps?: StepsByStack;
  /** Something the reader must know (skipped, scaled down, budget reached). */
  readonly notes: readonly string[];
}

export interface BenchReport {
  readonly mode: "quick" | "full";
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly node: string;
    readonly platform: string;
    readonly totalMemoryBytes: number;
    readonly openFilesLimit: number | null;
    /** 1-minute load average when the run started and when it ended: how much else the machine was doing. */
    readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
  };
  readonly settings: Record<string, unknown>;
  readonly results: readonly ScenarioResult[];
}
