import type { BenchConfig, ScenarioName } from "./bench-config";
import type { BenchReport, ScenarioResult } from "./harness/report-types";
import { describeMachine, oneMinuteLoad } from "./machine";
import { runCoalescedFanOut } from "./scenarios/coalesced-fan-out";
import { runConnections } from "./scenarios/connections";
import { runFanOut } from "./scenarios/fan-out";
import { runInbound } from "./scenarios/inbound";
import { runManyChannels } from "./scenarios/many-channels";
import { runOutbox } from "./scenarios/outbox";
import { probeRedis, runRedisFanOut } from "./scenarios/redis-fan-out";
import type { ScenarioContext } from "./scenarios/scenario-context";

/** What runs one scenario (both stacks) and returns its rows. */
export type ScenarioRunner = (ctx: ScenarioContext) => Promise<ScenarioResult[]>;

/** The real scenarios: each launches server and load-driver processes. */
export const SCENARIO_RUNNERS: Readonly<Record<ScenarioName, ScenarioRunner>> = {
  "fan-out": runFanOut,
  "many-channels": runManyChannels,
  connections: runConnections,
  inbound: runInbound,
  redis: runRedisFanOut,
  coalescing: runCoalescedFanOut,
  outbox: runOutbox,
};

export interface RunBenchOptions {
  /** Under CI a missing Redis fails the run instead of skipping scenario 5. */
  readonly ci: boolean;
  readonly log?: (line: string) => void;
  /** Warnings (scaled-down counts) to record in the report. */
  readonly warnings?: readonly string[];
  /** Replaces the scenario runners (the harness's own test runs dry ones); default `SCENARIO_RUNNERS`. */
  readonly runners?: Readonly<Record<ScenarioName, ScenarioRunner>>;
  /** Replaces the Redis probe of scenario 5; default a real PING. */
  readonly probeRedis?: typeof probeRedis;
}

/** Thrown when Redis is required (CI) and does not answer. */
export class RedisUnavailableError extends Error {
  readonly code = "REDIS_UNAVAILABLE";
}

/**
 * Runs the configured scenarios in order, both stacks each, and returns the
 * report. Nothing here asserts speed: the figures are the output.
 *
 * @example
 * const report = await runBench(benchConfig("quick", { redisUrl }), { ci: false, log: console.log });
 */
export async function runBench(config: BenchConfig, options: RunBenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const loadAtStart = oneMinuteLoad();
  const ctx: ScenarioContext = { config, deadline: started + config.totalBudgetMs, log };
  const runners = options.runners ?? SCENARIO_RUNNERS;
  const results: ScenarioResult[] = [];
  for (const name of config.scenarios) {
    if (name !== "redis") {
      results.push(...(await runners[name](ctx)));
      continue;
    }
    const redis = await (options.probeRedis ?? probeRedis)(config.redis.url);
    if (redis.ok) {
      results.push(...(await runners.redis(ctx)));
    } else if (options.ci) {
      throw new RedisUnavailableError(`Redis at ${config.redis.url} did not answer (${redis.reason}); scenario 5 needs it under CI=true`);
    } else {
      log(`\n!!! Redis at ${config.redis.url} did not answer (${redis.reason}): scenario 5 is SKIPPED (it fails under CI=true).\n`);
      results.push({ scenario: "5 two instances + Redis", variant: "skipped", figures: [], notes: [`SKIPPED: Redis did not answer (${redis.reason})`] });
    }
  }
  return {
    mode: config.mode,
    startedAt: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: describeMachine(loadAtStart),
    settings: {
      payloadBytes: config.payloadBytes,
      stepDurationMs: config.stepDurationMs,
      search: config.search,
      p99BoundMs: 100,
      warnings: options.warnings ?? [],
    },
    results,
  };
}
