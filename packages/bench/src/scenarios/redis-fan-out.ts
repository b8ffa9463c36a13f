import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { alternateSearch } from "../harness/alternate-search";
import { searchedFigures } from "../harness/figures";
import type { ScenarioResult } from "../harness/report-types";
import { runDeliveryStep } from "../harness/run-step";
import type { ScenarioContext } from "./scenario-context";
import { searchDeadline, searchOptions, withFleets } from "./scenario-context";

/** Whether Redis answers PING within a second, and why not when it does not. */
export async function probeRedis(url: string): Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }> {
  const probe = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  // Connection errors surface as the rejection of connect(); without a listener they would crash the run.
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    const reply = await probe.ping();
    return reply === "PONG" ? { ok: true } : { ok: false, reason: `PING answered ${reply}` };
  } catch (error) {
    return { ok: false, reason: String(error) };
  } finally {
    if (probe.isOpen) probe.destroy();
  }
}

/** Deletes every key under this run's prefix (streams, sequence counters, epochs, sessions). */
async function deleteRunKeys(url: string, prefix: string): Promise<void> {
  const client = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on("error", (error: unknown) => console.error(`bench: redis cleanup error: ${String(error)}`));
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.del(keys);
    }
  } finally {
    client.destroy();
  }
}

/**
 * Scenario 5: two instances per stack sharing Redis through the Socket.IO
 * Redis Streams adapter; subscribers on instance B, the publisher on A, so
 * every delivery crosses Redis. Ours runs ADR-019's engine (streams adapter
 * behind its bounded facade, `seq` from `RedisChannelLog`); the baseline the
 * same adapter directly. Keys are prefixed per run and stack, and deleted
 * afterwards.
 *
 * @example
 * const rows = await runRedisFanOut(ctx);
 */
export async function runRedisFanOut(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  const { config } = ctx;
  const { url, subscribers } = config.redis;
  const runPrefix = `bench:${randomUUID().slice(0, 8)}:`;
  ctx.log(`redis: 2 instances per stack, ${subscribers} subscribers on B, publisher on A`);
  try {
    const steps = await withFleets(
      ctx,
      (kind) => ({ instances: 2, redis: { url, keyPrefix: `${runPrefix}${kind}:` } }),
      async (fleets) => {
        for (const fleet of [fleets.ours, fleets.baseline]) {
          await fleet.connectClients({ count: subscribers, subscribe: "fanout", instance: 1, timeoutMs: config.connectTimeoutMs });
        }
        return alternateSearch(
          searchOptions(ctx, config.redis),
          searchDeadline(ctx, config.redis),
          (kind, rate) =>
            runDeliveryStep(fleets[kind], {
              target: { to: "fanout" },
              deliveriesPerMessage: subscribers,
              deliveriesPerSecond: rate,
              durationMs: config.stepDurationMs,
              payloadBytes: config.payloadBytes,
              publisher: 0,
            }),
          ctx.log,
          config.confirmFailures,
        );
      },
    );
    return [
      {
        scenario: "5 two instances + Redis",
        variant: `${subscribers.toLocaleString("en-US")} subscribers on B, publisher on A`,
        figures: searchedFigures(steps, "deliveries"),
        steps,
        notes: [
          "@socket.io/redis-streams-adapter on both stacks (ours through createRedisStreamsAdapter, with seq from RedisChannelLog); CPU is both instances together",
        ],
      },
    ];
  } finally {
    await deleteRunKeys(url, runPrefix);
  }
}
