import { mkdirSync, writeFileSync } from "node:fs";
import { benchConfig, fitToOpenFilesLimit, SCENARIOS } from "./bench-config";
import type { BenchMode, ScenarioName } from "./bench-config";
import { openFilesLimit } from "./machine";
import { formatReportTable } from "./report";
import { runBench } from "./run-bench";

/*
 * `pnpm bench`: BENCH_MODE=quick (default, and CI's smoke run) or full;
 * BENCH_SCENARIOS=fan-out,inbound runs a subset; BENCH_CPU_PROFILE_DIR=<dir>
 * makes every server process write a V8 CPU profile there. This file is the package's
 * only reader of process.env.
 */

function modeFromEnv(): BenchMode {
  const raw = process.env.BENCH_MODE ?? "quick";
  if (raw !== "quick" && raw !== "full") throw new Error(`BENCH_MODE must be quick or full, got "${raw}"`);
  return raw;
}

function scenariosFromEnv(): readonly ScenarioName[] {
  const raw = process.env.BENCH_SCENARIOS;
  if (raw === undefined || raw.trim() === "") return SCENARIOS;
  const names = raw.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown BENCH_SCENARIOS ${unknown.join(", ")}; known: ${SCENARIOS.join(", ")}`);
  return names as ScenarioName[];
}

async function main(): Promise<void> {
  const mode = modeFromEnv();
  const limit = openFilesLimit();
  const { config, warnings } = fitToOpenFilesLimit(
    benchConfig(mode, {
      redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      scenarios: scenariosFromEnv(),
      ...(process.env.BENCH_CPU_PROFILE_DIR === undefined ? {} : { cpuProfileDir: process.env.BENCH_CPU_PROFILE_DIR }),
    }),
    limit,
  );
  for (const warning of warnings) console.log(`\n!!! ulimit: ${warning}\n`);
  console.log(`bench: ${mode} mode, ulimit -n ${limit ?? "unknown"}, scenarios ${config.scenarios.join(", ")}`);
  const report = await runBench(config, { ci: process.env.CI === "true", log: (line) => console.log(line), warnings });
  const dir = new URL("../bench-results/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`bench-${mode}-${report.startedAt.replace(/[:.]/g, "-")}.json`, dir);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(file, json);
  writeFileSync(new URL(`latest-${mode}.json`, dir), json);
  console.log(`\n${formatReportTable(report)}\n`);
  const { cpus, loadAverage } = report.machine;
  console.log(`bench: ${report.durationSeconds} s on ${cpus} CPUs, load average ${loadAverage.atStart} at start, ${loadAverage.atEnd} at end; JSON in ${file.pathname}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
