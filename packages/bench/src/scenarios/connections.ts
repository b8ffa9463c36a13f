import { sleep } from "../clock";
import { figure } from "../harness/figures";
import { Fleet } from "../harness/fleet";
import type { ScenarioResult } from "../harness/report-types";
import type { StackKind } from "../stacks/bench-stack";
import { median } from "../stats/ratio";
import type { ScenarioContext } from "./scenario-context";

interface MemorySample {
  readonly rssPerConnection: number;
  readonly heapPerConnection: number;
}

async function sampleMemory(ctx: ScenarioContext, kind: StackKind, sockets: number): Promise<MemorySample> {
  const fleet = await Fleet.launch({ kind, instances: 1, maxLifetimeMs: ctx.config.maxLifetimeMs });
  try {
    const before = await fleet.serverMemory();
    await fleet.connectClients({ count: sockets, subscribe: "own-user", instance: 0, timeoutMs: ctx.config.connectTimeoutMs });
    // Let handshake garbage and socket buffers settle before reading.
    await sleep(2_000);
    const after = await fleet.serverMemory();
    const sample = { rssPerConnection: (after.rss - before.rss) / sockets, heapPerConnection: (after.heapUsed - before.heapUsed) / sockets };
    ctx.log(`  ${kind.padEnd(8)} ${sockets} idle: RSS ${(sample.rssPerConnection / 1024).toFixed(1)} KiB/conn, heap ${(sample.heapPerConnection / 1024).toFixed(1)} KiB/conn`);
    return sample;
  } finally {
    await fleet.stop();
  }
}

/**
 * Scenario 3: idle authenticated connections, each subscribed to its user
 * channel, held by one instance: RSS and heap growth per connection after a
 * forced GC. Each repeat launches a fresh server so one run's garbage does not
 * leak into the next; the stacks alternate (ABBA).
 *
 * @example
 * const rows = await runConnections(ctx);
 */
export async function runConnections(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  const { sockets, repeats } = ctx.config.connections;
  ctx.log(`connections: ${sockets} idle authenticated subscribers`);
  const samples: Record<StackKind, MemorySample[]> = { ours: [], baseline: [] };
  for (let i = 0; i < repeats; i++) {
    const order: StackKind[] = i % 2 === 0 ? ["ours", "baseline"] : ["baseline", "ours"];
    for (const kind of order) samples[kind].push(await sampleMemory(ctx, kind, sockets));
  }
  const rss = (kind: StackKind): number | null => median(samples[kind].map((s) => s.rssPerConnection / 1024));
  const heap = (kind: StackKind): number | null => median(samples[kind].map((s) => s.heapPerConnection / 1024));
  return [
    {
      scenario: "3 connections",
      variant: `${sockets.toLocaleString("en-US")} idle authenticated subscribers`,
      figures: [
        figure("RSS per idle connection", "KiB", "lower", rss("ours"), rss("baseline")),
        figure("JS heap per idle connection", "KiB", "lower", heap("ours"), heap("baseline")),
      ],
      notes: repeats > 1 ? [`median of ${repeats} fresh servers per stack`] : [],
    },
  ];
}
