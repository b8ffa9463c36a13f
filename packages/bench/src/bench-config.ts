import type { ChannelCoalesceOptions } from "@repo/core-realtime";
import type { RateSearchOptions } from "./rate-search";

export type BenchMode = "quick" | "full";

export type ScenarioName = "fan-out" | "many-channels" | "connections" | "inbound" | "redis" | "coalescing" | "outbox";

export const SCENARIOS: readonly ScenarioName[] = ["fan-out", "many-channels", "connections", "inbound", "redis", "coalescing", "outbox"];

/** Scenario 6's window on our side: 20 ms keeps p99 well under the 100 ms bound; 100 messages of 200 bytes make a 20 KB frame. */
const COALESCE: ChannelCoalesceOptions = { delayMs: 20, maxBatch: 100 };

export interface SearchPlan {
  readonly start: number;
  readonly budgetMs: number;
}

export interface BenchConfig {
  readonly mode: BenchMode;
  readonly scenarios: readonly ScenarioName[];
  readonly payloadBytes: number;
  readonly stepDurationMs: number;
  /** Run a failing step once more before it counts (full mode: the machine is shared). */
  readonly confirmFailures: boolean;
  /** Growth, resolution and step bound shared by every rate search. */
  readonly search: Omit<RateSearchOptions, "start">;
  readonly fanOut: { readonly sizes: readonly number[] } & SearchPlan;
  readonly manyChannels: { readonly sockets: number } & SearchPlan;
  readonly connections: { readonly sockets: number; readonly repeats: number };
  readonly inbound: { readonly clients: number; readonly ackTimeoutMs: number } & SearchPlan;
  readonly redis: { readonly url: string; readonly subscribers: number } & SearchPlan;
  readonly coalescing: { readonly sizes: readonly number[]; readonly coalesce: ChannelCoalesceOptions } & SearchPlan;
  /** Scenario 7 (`scenarios/outbox.ts`): messages per phase, concurrent writers, the PostgreSQL server. */
  readonly outbox: { readonly latencyMessages: number; readonly throughputMessages: number; readonly writers: number; readonly postgresUrl: string };
  readonly connectTimeoutMs: number;
  /** Every child process exits by itself after this long. */
  readonly maxLifetimeMs: number;
  /** The whole run stops starting new steps after this long. */
  readonly totalBudgetMs: number;
  /** When set, server processes write V8 CPU profiles (`.cpuprofile`) here. */
  readonly cpuProfileDir?: string;
}

/**
 * Quick mode is CI's smoke run: every scenario for both stacks, small and
 * short (well under two minutes), asserting nothing about speed. Full mode
 * is what `docs/benchmarks.md` reports (bounded to about 25 minutes).
 *
 * @example
 * const config = benchConfig("quick", { redisUrl: "redis://127.0.0.1:6379" });
 */
export function benchConfig(
  mode: BenchMode,
  options: { readonly redisUrl: string; readonly postgresUrl?: string; readonly scenarios?: readonly ScenarioName[]; readonly cpuProfileDir?: string },
): BenchConfig {
  const scenarios = options.scenarios ?? SCENARIOS;
  const profiling = options.cpuProfileDir === undefined ? {} : { cpuProfileDir: options.cpuProfileDir };
  const postgresUrl = options.postgresUrl ?? DEFAULT_BENCH_POSTGRES_URL;
  if (mode === "quick") {
    return {
      mode,
      scenarios,
      payloadBytes: 100,
      stepDurationMs: 1_000,
      confirmFailures: false,
      search: { growth: 2.5, resolution: 1.5, maxSteps: 2, maxRate: 2_000_000, minRate: 50 },
      fanOut: { sizes: [100, 1_000], start: 20_000, budgetMs: 20_000 },
      manyChannels: { sockets: 500, start: 2_000, budgetMs: 15_000 },
      connections: { sockets: 500, repeats: 1 },
      inbound: { clients: 50, ackTimeoutMs: 5_000, start: 1_000, budgetMs: 15_000 },
      redis: { url: options.redisUrl, subscribers: 200, start: 10_000, budgetMs: 15_000 },
      coalescing: { sizes: [100], coalesce: COALESCE, start: 20_000, budgetMs: 10_000 },
      outbox: { latencyMessages: 50, throughputMessages: 400, writers: 4, postgresUrl },
      connectTimeoutMs: 30_000,
      maxLifetimeMs: 5 * 60_000,
      totalBudgetMs: 110_000,
      ...profiling,
    };
  }
  return {
    mode,
    scenarios,
    payloadBytes: 100,
    stepDurationMs: 3_000,
    confirmFailures: true,
    search: { growth: 1.6, resolution: 1.25, maxSteps: 7, maxRate: 2_000_000, minRate: 100 },
    fanOut: { sizes: [100, 1_000, 5_000, 10_000], start: 40_000, budgetMs: 150_000 },
    manyChannels: { sockets: 10_000, start: 5_000, budgetMs: 150_000 },
    connections: { sockets: 10_000, repeats: 2 },
    inbound: { clients: 1_000, ackTimeoutMs: 5_000, start: 2_000, budgetMs: 150_000 },
    redis: { url: options.redisUrl, subscribers: 1_000, start: 20_000, budgetMs: 150_000 },
    coalescing: { sizes: [100, 1_000, 10_000], coalesce: COALESCE, start: 40_000, budgetMs: 150_000 },
    outbox: { latencyMessages: 500, throughputMessages: 5_000, writers: 8, postgresUrl },
    connectTimeoutMs: 120_000,
    maxLifetimeMs: 30 * 60_000,
    totalBudgetMs: 24 * 60_000,
    ...profiling,
  };
}

/** Where scenario 7 creates (and drops) its database when BENCH_DATABASE_URL / TEST_DATABASE_URL are unset. */
const DEFAULT_BENCH_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** File descriptors a server process needs beyond one per connection (listeners, pipes, Redis, libuv). */
export const FD_HEADROOM = 512;

/**
 * Caps connection counts to what `ulimit -n` allows. Each server process
 * holds one descriptor per connection and load drivers split theirs (at most
 * 2,500 each), so the bound is the largest count one server must hold.
 * Returns the capped config and what was changed, for a loud message.
 *
 * @example
 * const { config, warnings } = fitToOpenFilesLimit(benchConfig("full", { redisUrl }), 4_096);
 */
export function fitToOpenFilesLimit(config: BenchConfig, openFilesLimit: number | null): { config: BenchConfig; warnings: string[] } {
  if (openFilesLimit === null) return { config, warnings: ["could not read `ulimit -n`; connection counts not checked"] };
  const cap = Math.max(0, openFilesLimit - FD_HEADROOM);
  const warnings: string[] = [];
  const fit = (what: string, count: number): number => {
    if (count <= cap) return count;
    const scaled = Math.max(10, Math.floor(cap / 100) * 100);
    warnings.push(`${what}: ${count} connections need ulimit -n >= ${count + FD_HEADROOM} (it is ${openFilesLimit}); scaled down to ${scaled}`);
    return scaled;
  };
  const sizes = [...new Set(config.fanOut.sizes.map((n) => fit("fan-out", n)))];
  const coalescingSizes = [...new Set(config.coalescing.sizes.map((n) => fit("coalescing", n)))];
  return {
    config: {
      ...config,
      fanOut: { ...config.fanOut, sizes },
      manyChannels: { ...config.manyChannels, sockets: fit("many-channels", config.manyChannels.sockets) },
      connections: { ...config.connections, sockets: fit("connections", config.connections.sockets) },
      inbound: { ...config.inbound, clients: fit("inbound", config.inbound.clients) },
      redis: { ...config.redis, subscribers: fit("redis", config.redis.subscribers) },
      coalescing: { ...config.coalescing, sizes: coalescingSizes },
    },
    warnings,
  };
}
