import { openDatabase } from "@repo/core-database";
import { figure } from "../harness/figures";
import type { ScenarioResult } from "../harness/report-types";
import { measurePublishPath } from "../outbox/measure-publish-path";
import type { PublishPathFigures, PublishPathPlan } from "../outbox/measure-publish-path";
import { startOutboxBenchStack } from "../outbox/outbox-bench-stack";
import type { OutboxBenchEngine } from "../outbox/outbox-bench-stack";
import { connectOutboxSubscribers } from "../outbox/outbox-subscribers";
import type { ScenarioContext } from "./scenario-context";

const SCENARIO = "7 outbox vs direct broadcast";

/** Whether the PostgreSQL server answers, and why not when it does not. */
async function probePostgres(url: string): Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }> {
  const database = await openDatabase({ url, onError: () => undefined });
  try {
    await database.ping();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: String(error) };
  } finally {
    await database.close();
  }
}

async function measureEngine(ctx: ScenarioContext, engine: OutboxBenchEngine, plan: PublishPathPlan): Promise<{ direct: PublishPathFigures; outbox: PublishPathFigures }> {
  const stack = await startOutboxBenchStack(engine);
  try {
    const subscribers = await connectOutboxSubscribers(stack.port, plan.writers);
    try {
      // Warm both paths (JIT, pools, prepared plans) before anything counts.
      const warmUp = { ...plan, latencyMessages: 20, throughputMessages: plan.writers * 10 };
      await measurePublishPath(stack.direct, subscribers, warmUp);
      await measurePublishPath(stack.outbox, subscribers, warmUp);
      ctx.log(`outbox (${engine.kind}): direct path`);
      const direct = await measurePublishPath(stack.direct, subscribers, plan);
      ctx.log(`outbox (${engine.kind}): through the outbox`);
      const outbox = await measurePublishPath(stack.outbox, subscribers, plan);
      return { direct, outbox };
    } finally {
      subscribers.close();
    }
  } finally {
    await stack.close();
  }
}

function resultOf(engine: string, plan: PublishPathPlan, measured: { direct: PublishPathFigures; outbox: PublishPathFigures }): ScenarioResult {
  const { direct, outbox } = measured;
  const integrity = (name: string, f: PublishPathFigures) => `${name}: ${f.lost} lost, ${f.duplicates} duplicated, ${f.outOfOrder} out of order, ${f.disconnects} subscriber disconnects`;
  return {
    scenario: SCENARIO,
    variant: `${engine}, ${plan.writers} writers`,
    figures: [
      figure(`p50, one message in flight (${plan.latencyMessages})`, "ms", "lower", outbox.idleP50Ms, direct.idleP50Ms),
      figure("p99, one message in flight", "ms", "lower", outbox.idleP99Ms, direct.idleP99Ms),
      figure(`messages/s, back to back (${plan.throughputMessages.toLocaleString("en-US")})`, "/s", "higher", outbox.throughputPerSecond, direct.throughputPerSecond),
      figure("p50 back to back", "ms", "lower", outbox.loadedP50Ms, direct.loadedP50Ms),
      figure("p99 back to back", "ms", "lower", outbox.loadedP99Ms, direct.loadedP99Ms),
    ],
    notes: [
      "ours = through the outbox (state row + outbox record in one transaction, relay, broadcast), baseline = the direct path (state row, then broadcast); same server, database and subscribers, in one process",
      `${integrity("outbox", outbox)}; ${integrity("direct", direct)}`,
    ],
  };
}

/**
 * Scenario 7: publish-to-delivery through the transactional outbox (ADR-021)
 * against the direct broadcast path, side by side on the same server and
 * database: latency with one message in flight, then throughput with
 * concurrent writers (one channel each). On PostgreSQL (a database of its own,
 * dropped after) and on embedded PGlite; PostgreSQL missing: that row is
 * skipped loudly.
 *
 * @example
 * const rows = await runOutbox(ctx);
 */
export async function runOutbox(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  const { outbox: config, payloadBytes } = ctx.config;
  const plan: PublishPathPlan = { ...config, payloadBytes, settleTimeoutMs: 120_000 };
  const results: ScenarioResult[] = [];
  const postgres = await probePostgres(config.postgresUrl);
  if (postgres.ok) {
    results.push(resultOf("PostgreSQL", plan, await measureEngine(ctx, { kind: "postgres", url: config.postgresUrl }, plan)));
  } else {
    ctx.log(`\n!!! PostgreSQL did not answer (${postgres.reason}): the outbox scenario's PostgreSQL row is SKIPPED.\n`);
    results.push({ scenario: SCENARIO, variant: "PostgreSQL: skipped", figures: [], notes: [`SKIPPED: PostgreSQL did not answer (${postgres.reason})`] });
  }
  results.push(resultOf("embedded PGlite", plan, await measureEngine(ctx, { kind: "pglite" }, plan)));
  return results;
}
