import { alternateSearch } from "../harness/alternate-search";
import { searchedFigures } from "../harness/figures";
import type { ScenarioResult } from "../harness/report-types";
import { runInboundStep } from "../harness/run-step";
import type { ScenarioContext } from "./scenario-context";
import { searchDeadline, searchOptions, withFleets } from "./scenario-context";

/**
 * Scenario 4: authenticated clients publish through gate 3 (rate limits,
 * frame and payload schemas, authorize, handler, ack); the figure is the
 * ack round trip. Our inbound rate limits are lifted so they never refuse:
 * their bookkeeping still runs on every frame.
 *
 * @example
 * const rows = await runInbound(ctx);
 */
export async function runInbound(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  const { config } = ctx;
  const clients = config.inbound.clients;
  ctx.log(`inbound: ${clients} publishing clients`);
  const steps = await withFleets(ctx, { instances: 1, unlimitedInbound: true }, async (fleets) => {
    for (const fleet of [fleets.ours, fleets.baseline]) {
      await fleet.connectClients({ count: clients, subscribe: "none", instance: 0, timeoutMs: config.connectTimeoutMs });
    }
    return alternateSearch(
      searchOptions(ctx, config.inbound),
      searchDeadline(ctx, config.inbound),
      (kind, rate) =>
        runInboundStep(fleets[kind], {
          messagesPerSecond: rate,
          durationMs: config.stepDurationMs,
          payloadBytes: config.payloadBytes,
          ackTimeoutMs: config.inbound.ackTimeoutMs,
        }),
      ctx.log,
      config.confirmFailures,
    );
  });
  return [
    {
      scenario: "4 inbound",
      variant: `${clients.toLocaleString("en-US")} clients publishing, ack round trip`,
      figures: searchedFigures(steps, "messages"),
      steps,
      notes: ["our per-socket and per-user inbound rate limits lifted (still evaluated on every frame)"],
    },
  ];
}
