import type { BenchConfig, SearchPlan } from "../bench-config";
import type { RateSearchOptions } from "../rate-search";
import { Fleet } from "../harness/fleet";
import type { FleetOptions } from "../harness/fleet";
import type { StackKind } from "../stacks/bench-stack";

export interface ScenarioContext {
  readonly config: BenchConfig;
  /** Epoch ms after which no new step starts. */
  readonly deadline: number;
  readonly log: (line: string) => void;
}

export function searchOptions(ctx: ScenarioContext, plan: SearchPlan): RateSearchOptions {
  return { ...ctx.config.search, start: plan.start };
}

export function searchDeadline(ctx: ScenarioContext, plan: SearchPlan): number {
  return Math.min(ctx.deadline, Date.now() + plan.budgetMs);
}

/**
 * Launches both stacks' fleets, runs `body`, and stops every process whatever
 * happens, so a failing scenario leaves nothing behind.
 */
export async function withFleets<T>(
  ctx: ScenarioContext,
  options: Omit<FleetOptions, "kind" | "maxLifetimeMs"> | ((kind: StackKind) => Omit<FleetOptions, "kind" | "maxLifetimeMs">),
  body: (fleets: Record<StackKind, Fleet>) => Promise<T>,
): Promise<T> {
  const started: Fleet[] = [];
  try {
    const launch = async (kind: StackKind): Promise<Fleet> => {
      const extra = typeof options === "function" ? options(kind) : options;
      const profiling = ctx.config.cpuProfileDir === undefined ? {} : { cpuProfileDir: ctx.config.cpuProfileDir };
      const fleet = await Fleet.launch({ ...extra, ...profiling, kind, maxLifetimeMs: ctx.config.maxLifetimeMs });
      started.push(fleet);
      return fleet;
    };
    const ours = await launch("ours");
    const baseline = await launch("baseline");
    return await body({ ours, baseline });
  } finally {
    await Promise.all(started.map((fleet) => fleet.stop()));
  }
}
