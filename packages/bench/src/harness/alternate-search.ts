import { RateSearch } from "../rate-search";
import type { RateSearchOptions } from "../rate-search";
import type { StackKind } from "../stacks/bench-stack";
import type { StepResult } from "./step-result";

export type StepsByStack = Record<StackKind, StepResult[]>;

/**
 * Runs the rate search of both stacks side by side, one step of each in turn
 * (ABBA order, so neither always runs first on a warmer or busier machine),
 * until both searches end or `deadline` (epoch ms) passes.
 *
 * @example
 * const steps = await alternateSearch(options, Date.now() + 120_000, (kind, rate) => runDeliveryStep(fleets[kind], { ...step, deliveriesPerSecond: rate }));
 */
export async function alternateSearch(
  options: RateSearchOptions,
  deadline: number,
  runStep: (kind: StackKind, rate: number) => Promise<StepResult>,
  log: (line: string) => void = () => undefined,
): Promise<StepsByStack> {
  const searches: Record<StackKind, RateSearch> = { ours: new RateSearch(options), baseline: new RateSearch(options) };
  const steps: StepsByStack = { ours: [], baseline: [] };
  // One unrecorded step each at a quarter of the start rate: JIT, socket buffers and first-message paths warm up here.
  for (const kind of ["ours", "baseline"] as const) await runStep(kind, Math.max(options.minRate, options.start / 4));
  for (let round = 0; searches.ours.next !== null || searches.baseline.next !== null; round++) {
    const order: StackKind[] = round % 2 === 0 ? ["ours", "baseline"] : ["baseline", "ours"];
    for (const kind of order) {
      const rate = searches[kind].next;
      if (rate === null) continue;
      if (Date.now() > deadline) {
        log(`  time budget reached: ${kind} search stopped`);
        return steps;
      }
      const result = await runStep(kind, rate);
      steps[kind].push(result);
      searches[kind].report(rate, result.passed);
      log(
        `  ${kind.padEnd(8)} offered ${result.offeredPerSecond.toLocaleString("en-US").padStart(10)}/s  got ${result.achievedPerSecond.toLocaleString("en-US").padStart(10)}/s  p99 ${String(result.p99Ms).padStart(7)} ms  cpu ${String(result.cpuMicrosPerDelivery).padStart(7)} µs  ${result.passed ? "pass" : `FAIL (${result.failure ?? "?"})`}`,
      );
    }
  }
  return steps;
}

/** The passing step with the highest achieved rate, or `null`. */
export function bestPassing(steps: readonly StepResult[]): StepResult | null {
  let best: StepResult | null = null;
  for (const step of steps) if (step.passed && (best === null || step.achievedPerSecond > best.achievedPerSecond)) best = step;
  return best;
}

/**
 * CPU per delivery compared at the same offered rate: the highest rate both
 * stacks ran and passed (the searches share their first rates). Falls back to
 * each stack's best passing step when they share none.
 */
export function cpuAtCommonRate(steps: StepsByStack): { ours: number | null; baseline: number | null; atPerSecond: number | null } {
  let common: { ours: StepResult; baseline: StepResult } | null = null;
  for (const ours of steps.ours) {
    if (!ours.passed) continue;
    const baseline = steps.baseline.find((b) => b.passed && b.offeredPerSecond === ours.offeredPerSecond);
    if (baseline !== undefined && (common === null || ours.offeredPerSecond > common.ours.offeredPerSecond)) common = { ours, baseline };
  }
  if (common !== null) {
    return { ours: common.ours.cpuMicrosPerDelivery, baseline: common.baseline.cpuMicrosPerDelivery, atPerSecond: common.ours.offeredPerSecond };
  }
  return {
    ours: bestPassing(steps.ours)?.cpuMicrosPerDelivery ?? null,
    baseline: bestPassing(steps.baseline)?.cpuMicrosPerDelivery ?? null,
    atPerSecond: null,
  };
}
