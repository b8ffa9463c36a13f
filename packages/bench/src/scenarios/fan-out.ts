import { alternateSearch } from "../harness/alternate-search";
import type { StepsByStack } from "../harness/alternate-search";
import { searchedFigures } from "../harness/figures";
import type { ScenarioResult } from "../harness/report-types";
import { runDeliveryStep } from "../harness/run-step";
import type { SearchPlan } from "../bench-config";
import type { ScenarioContext } from "./scenario-context";
import { searchDeadline, searchOptions, withFleets } from "./scenario-context";

/**
 * Scenario 1: one channel, N authenticated subscribers, the server publishing
 * ever faster until p99 delivery latency passes the bound.
 *
 * @example
 * const rows = await runFanOut(ctx);
 */
export async function runFanOut(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  const { config } = ctx;
  const results: ScenarioResult[] = [];
  for (const size of config.fanOut.sizes) {
    ctx.log(`fan-out: ${size} subscribers`);
    const steps = await searchFanOutSteps(ctx, size, config.fanOut, { instances: 1 });
    results.push({
      scenario: "1 fan-out",
      variant: `${size.toLocaleString("en-US")} subscribers, one channel`,
      figures: searchedFigures(steps, "deliveries"),
      steps,
      notes: [],
    });
  }
  return results;
}

/**
 * One fan-out measurement: `size` subscribers on `bench.fanout` on both stacks,
 * then the alternating rate search. Scenarios 1 and 6 differ only in the
 * fleets' options (6 declares the channel with `coalesce` on our side).
 *
 * @example
 * const steps = await searchFanOutSteps(ctx, 100, ctx.config.fanOut, { instances: 1 });
 */
export async function searchFanOutSteps(ctx: ScenarioContext, size: number, plan: SearchPlan, fleetOptions: Parameters<typeof withFleets>[1]): Promise<StepsByStack> {
  const { config } = ctx;
  return withFleets(ctx, fleetOptions, async (fleets) => {
    for (const fleet of [fleets.ours, fleets.baseline]) {
      await fleet.connectClients({ count: size, subscribe: "fanout", instance: 0, timeoutMs: config.connectTimeoutMs });
    }
    return alternateSearch(
      searchOptions(ctx, plan),
      searchDeadline(ctx, plan),
      (kind, rate) =>
        runDeliveryStep(fleets[kind], {
          target: { to: "fanout" },
          deliveriesPerMessage: size,
          deliveriesPerSecond: rate,
          durationMs: config.stepDurationMs,
          payloadBytes: config.payloadBytes,
          publisher: 0,
        }),
      ctx.log,
      config.confirmFailures,
    );
  });
}
