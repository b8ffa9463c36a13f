import { searchedFigures } from "../harness/figures";
import type { ScenarioResult } from "../harness/report-types";
import { searchFanOutSteps } from "./fan-out";
import type { ScenarioContext } from "./scenario-context";

/**
 * Scenario 6: scenario 1 with `bench.fanout` declared with `coalesce` on our
 * side (what is published within the window goes out as one
 * `realtime:message-batch` frame per subscriber), against plain Socket.IO
 * emitting each message, alternating step by step as every scenario does.
 *
 * @example
 * const rows = await runCoalescedFanOut(ctx);
 */
export async function runCoalescedFanOut(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  const { config } = ctx;
  const { coalesce } = config.coalescing;
  const results: ScenarioResult[] = [];
  for (const size of config.coalescing.sizes) {
    ctx.log(`coalescing: ${size} subscribers, window ${coalesce.delayMs} ms, up to ${coalesce.maxBatch} messages per frame`);
    const steps = await searchFanOutSteps(ctx, size, config.coalescing, (kind) => (kind === "ours" ? { instances: 1, coalesce } : { instances: 1 }));
    results.push({
      scenario: "6 coalesced fan-out",
      variant: `${size.toLocaleString("en-US")} subscribers, one channel, ours coalesced (${coalesce.delayMs} ms, ${coalesce.maxBatch}/frame)`,
      figures: searchedFigures(steps, "deliveries"),
      steps,
      notes: [],
    });
  }
  return results;
}
