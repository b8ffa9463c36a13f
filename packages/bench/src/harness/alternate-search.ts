import { RateSearch } from "../rate-search";
import type { RateSearchOptions } from "../rate-search";
import type { StackKind } from "../stacks/bench-stack";
import type { StepResult } from "./step-result";

export type StepsByStack = Record<StackKind, StepResult[]>;

/**
 * Runs the rate search of both stacks side by side, one step of each in turn
 * (ABBA order, so neither always runs first on a warmer or busier machine),
 * until both searches end or `deadline` (epoch ms) passes. With
 * `confirmFailures`, a failing step is run once more before it counts as a failure: on a shared machine one bad
 * second of someone else's work would otherwise end a search early. Both
 * stacks get the same second chance; both attempts are recorded.
 *
 * @example
 * const steps = await alternateSearch(options, Date.now() + 120_000, (kind, rate) => runDeliveryStep(fleets[kind], { ...step, deliveriesPerSecond: rate }));
 */
export async function alternateSearch(
  options: RateSearchOptions,
  deadline: number,
  runStep: (kind: StackKind, rate: number) => Promise<StepResult>,
  log: (line: string) => void = () => undefined,
  confirmFailures = false,
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
      let passed = false;
      for (let attempt = 0; attempt < (confirmFailures ? 2 : 1) && !passed; attempt++) {
        const result = await runStep(kind, rate);
        steps[kind].push(result);
        passed = result.passed;
        log(describeStep(kind, result, attempt));
      }
      searches[kind].report(rate, passed);
    }
  }
  return steps;
}

function describeStep(kind: StackKind, result: StepResult, attempt: number): string {
  const rate = (value: number): string => value.toLocaleString("en-US").padStart(10);
  const verdict = result.passed ? "pass" : `FAIL (${result.failure ?? "?"})`;
  return `  ${kind.padEnd(8)} offered ${rate(result.offeredPerSecond)}/s  got ${rate(result.achievedPerSecond)}/s  p99 ${String(result.p99Ms).padStart(7)} ms  cpu ${String(result.cpuMicrosPerDelivery).padStart(7)} µs  loop stall ${String(result.serverLoopDelayMaxMs).padStart(6)} ms  ${verdict}${attempt > 0 ? " (retry)" : ""}`;
}

/** The passing step with the highest achieved rate, or `null`. */
export function bestPassing(steps: readonly StepResult[]): StepResult | null {
  let best: StepResult | null = null;
  for (const step of steps) if (step.passed && (best === null || step.achievedPerSecond > best.achievedPerSecond)) best = step;
  return best;
}

/** The step with the highest achieved rate and nothing lost, whatever its latency, or `null`. */
export function bestLossless(steps: readonly StepResult[]): StepResult | null {
  let best: StepResult | null = null;
  for (const step of steps) {
    const lossless = step.lost === 0 && step.achievedPerSecond > 0 && !Number.isNaN(step.p99Ms);
    if (lossless && (best === null || step.achievedPerSecond > best.achievedPerSecond)) best = step;
  }
  return best;
}

export interface CpuComparison {
  readonly ours: number | null;
  readonly baseline: number | null;
  /** The load drivers' CPU per delivery in the same two steps (`null` when not measured). */
  readonly clientOurs: number | null;
  readonly clientBaseline: number | null;
  /** The offered rate both figures were taken at; `null` when the stacks share none. */
  readonly atPerSecond: number | null;
  /** Whether both steps at that rate passed. */
  readonly passing: boolean;
}

/**
 * CPU per delivery compared at the same offered rate (the searches share
 * their first rates): the highest rate both stacks passed; failing that, the
 * lowest rate both ran (CPU per delivery is the figure least disturbed by an
 * overloaded machine, so it is still worth comparing there).
 */
export function cpuAtCommonRate(steps: StepsByStack): CpuComparison {
  // At one rate a stack may have two attempts (a confirmed failure, or a failure then a pass): prefer the pass.
  const atRate = (list: readonly StepResult[], rate: number): StepResult | undefined => {
    const measured = list.filter((s) => s.offeredPerSecond === rate && !Number.isNaN(s.cpuMicrosPerDelivery));
    return measured.find((s) => s.passed) ?? measured[0];
  };
  const rates = [...new Set(steps.ours.map((s) => s.offeredPerSecond))];
  const pairs = rates.flatMap((rate) => {
    const ours = atRate(steps.ours, rate);
    const baseline = atRate(steps.baseline, rate);
    return ours === undefined || baseline === undefined ? [] : [{ rate, ours, baseline }];
  });
  const passing = pairs.filter((p) => p.ours.passed && p.baseline.passed).sort((a, b) => b.rate - a.rate)[0];
  const chosen = passing ?? [...pairs].sort((a, b) => a.rate - b.rate)[0];
  if (chosen === undefined) return { ours: null, baseline: null, clientOurs: null, clientBaseline: null, atPerSecond: null, passing: false };
  const client = (step: StepResult): number | null => (Number.isNaN(step.clientCpuMicrosPerDelivery) ? null : step.clientCpuMicrosPerDelivery);
  return {
    ours: chosen.ours.cpuMicrosPerDelivery,
    baseline: chosen.baseline.cpuMicrosPerDelivery,
    clientOurs: client(chosen.ours),
    clientBaseline: client(chosen.baseline),
    atPerSecond: chosen.rate,
    passing: passing !== undefined,
  };
}
