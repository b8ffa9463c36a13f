import { median } from "../stats/ratio";
import type { BenchReport, Figure, ScenarioResult } from "./report-types";

/** `BENCH_RUNS=n pnpm bench`: every run in full, and the figures as their medians. */
export interface MedianReport extends BenchReport {
  /** How many full runs the medians are over. */
  readonly runCount: number;
  readonly runs: readonly BenchReport[];
}

const medianOrNull = (values: readonly (number | null)[]): number | null => median(values.filter((v): v is number => v !== null));

/** A figure's name without the rate it was taken at, which differs from run to run. */
function stableName(names: readonly string[]): string {
  const first = names[0] ?? "";
  return names.every((name) => name === first) ? first : first.replace(/ \(at [^)]*\)/, " (at each run's common rate)");
}

function medianFigure(figures: readonly Figure[]): Figure {
  const first = figures[0] as Figure;
  return {
    name: stableName(figures.map((f) => f.name)),
    unit: first.unit,
    better: first.better,
    ours: medianOrNull(figures.map((f) => f.ours)),
    baseline: medianOrNull(figures.map((f) => f.baseline)),
    // The median of each run's own ratio (both stacks saw the same machine in a run), not a ratio of medians.
    ratio: medianOrNull(figures.map((f) => f.ratio)),
  };
}

/**
 * Several full runs reduced to one report: per scenario row and figure, the
 * median of ours, of the baseline and of the per-run ratios (each run
 * alternates the two stacks step by step, so a run's ratio compares stacks
 * that saw the same machine). Rows are matched by scenario and variant,
 * figures by position; a row missing from some runs is a median of the rest,
 * with a note saying so.
 *
 * @example
 * const summary = medianOfRuns([run1, run2, run3]);
 * console.log(formatReportTable(summary));
 */
export function medianOfRuns(runs: readonly BenchReport[]): MedianReport {
  const first = runs[0];
  if (first === undefined) throw new RangeError("medianOfRuns needs at least one run");
  const keys = [...new Set(runs.flatMap((run) => run.results.map((r) => `${r.scenario}\u0000${r.variant}`)))];
  const results: ScenarioResult[] = keys.map((key) => {
    const rows = runs.flatMap((run) => run.results.filter((r) => `${r.scenario}\u0000${r.variant}` === key));
    const row = rows[0] as ScenarioResult;
    const width = Math.max(...rows.map((r) => r.figures.length));
    const figures = Array.from({ length: width }, (_, i) => medianFigure(rows.flatMap((r) => (r.figures[i] === undefined ? [] : [r.figures[i]]))));
    const notes = [...new Set(rows.flatMap((r) => r.notes))];
    if (rows.length < runs.length) notes.push(`in ${rows.length} of ${runs.length} runs only`);
    return { scenario: row.scenario, variant: row.variant, figures, notes: [`median of ${rows.length} runs`, ...notes] };
  });
  const last = runs.at(-1) ?? first;
  return {
    ...first,
    durationSeconds: runs.reduce((sum, run) => sum + run.durationSeconds, 0),
    machine: { ...first.machine, loadAverage: { atStart: first.machine.loadAverage.atStart, atEnd: last.machine.loadAverage.atEnd } },
    results,
    runCount: runs.length,
    runs,
  };
}
