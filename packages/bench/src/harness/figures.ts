import { ratio } from "../stats/ratio";
import type { StepsByStack } from "./alternate-search";
import { bestLossless, bestPassing, cpuAtCommonRate } from "./alternate-search";
import type { Better, Figure } from "./report-types";

export function figure(name: string, unit: string, better: Better, ours: number | null, baseline: number | null): Figure {
  const clean = (value: number | null): number | null => (value === null || Number.isNaN(value) ? null : value);
  return { name, unit, better, ours: clean(ours), baseline: clean(baseline), ratio: ratio(clean(ours), clean(baseline)) };
}

/**
 * The figures of a rate-searched scenario: the highest rate each stack
 * sustained with p99 under the bound and nothing lost, its latencies there,
 * and CPU per delivery compared at a common rate.
 *
 * @example
 * const figures = searchedFigures(steps, "deliveries");
 */
export function searchedFigures(steps: StepsByStack, what: "deliveries" | "messages"): Figure[] {
  const ours = bestPassing(steps.ours);
  const baseline = bestPassing(steps.baseline);
  const cpu = cpuAtCommonRate(steps);
  const at = cpu.atPerSecond === null ? "no common rate" : `at ${cpu.atPerSecond.toLocaleString("en-US")}/s${cpu.passing ? "" : ", p99 over"}`;
  return [
    figure(`${what}/s at p99<100ms`, "/s", "higher", ours?.achievedPerSecond ?? null, baseline?.achievedPerSecond ?? null),
    figure(`${what}/s with none lost (any p99)`, "/s", "higher", bestLossless(steps.ours)?.achievedPerSecond ?? null, bestLossless(steps.baseline)?.achievedPerSecond ?? null),
    figure("p50 at that rate", "ms", "lower", ours?.p50Ms ?? null, baseline?.p50Ms ?? null),
    figure("p95 at that rate", "ms", "lower", ours?.p95Ms ?? null, baseline?.p95Ms ?? null),
    figure("p99 at that rate", "ms", "lower", ours?.p99Ms ?? null, baseline?.p99Ms ?? null),
    figure(`server CPU per ${what === "deliveries" ? "delivery" : "message"} (${at})`, "µs", "lower", cpu.ours, cpu.baseline),
    figure(`client CPU per ${what === "deliveries" ? "delivery" : "message"} (same steps)`, "µs", "lower", cpu.clientOurs, cpu.clientBaseline),
  ];
}
