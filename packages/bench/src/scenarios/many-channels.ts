import { alternateSearch } from "../harness/alternate-search";
import { searchedFigures } from "../harness/figures";
import type { ScenarioResult } from "../harness/report-types";
import { runDeliveryStep } from "../harness/run-step";
import type { ScenarioContext } from "./scenario-context";
import { searchDeadline, searchOptions, withFleets } from "./scenario-context";

/**
 * Scenario 2: every socket on its own user-scoped channel, the server sending
 * targeted messages round-robin over the users, ever faster.
 *
 * @example
 * const rows = await runManyChannels(ctx);
 */
export async function runManyChannels(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  const { config } = ctx;
  const sockets = config.manyChannels.sockets;
  ctx.log(`many channels: ${sockets} sockets, one user channel each`);
  const steps = await withFleets(ctx, { instances: 1 }, async (fleets) => {
    for (const fleet of [fleets.ours, fleets.baseline]) {
      await fleet.connectClients({ count: sockets, subscribe: "own-user", instance: 0, timeoutMs: config.connectTimeoutMs });
    }
    return alternateSearch(
      searchOptions(ctx, config.manyChannels),
      searchDeadline(ctx, config.manyChannels),
      (kind, rate) =>
        runDeliveryStep(fleets[kind], {
          target: { to: "users", from: 0, count: sockets },
          deliveriesPerMessage: 1,
          deliveriesPerSecond: rate,
          durationMs: config.stepDurationMs,
          payloadBytes: config.payloadBytes,
          publisher: 0,
        }),
      ctx.log,
      config.confirmFailures,
    );
  });
  return [
    {
      scenario: "2 many channels",
      variant: `${sockets.toLocaleString("en-US")} sockets, one user-scoped channel each`,
      figures: searchedFigures(steps, "deliveries"),
      steps,
      notes: [],
    },
  ];
}
