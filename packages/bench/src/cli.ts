import { mkdirSync, writeFileSync } from "node:fs";
import { benchConfig, fitToOpenFilesLimit } from "./bench-config";
import { readBenchEnv } from "./env";
import { openFilesLimit } from "./machine";
import { medianOfRuns } from "./harness/median-of-runs";
import type { BenchReport } from "./harness/report-types";
import { formatReportTable } from "./report";
import { runBench } from "./run-bench";

// `pnpm bench`: what to run comes from the environment, read in env.ts.

async function main(): Promise<void> {
  const env = readBenchEnv();
  const mode = env.mode;
  const limit = openFilesLimit();
  const { config, warnings } = fitToOpenFilesLimit(
    benchConfig(mode, {
      redisUrl: env.redisUrl,
      ...(env.postgresUrl === undefined ? {} : { postgresUrl: env.postgresUrl }),
      scenarios: env.scenarios,
      ...(env.cpuProfileDir === undefined ? {} : { cpuProfileDir: env.cpuProfileDir }),
    }),
    limit,
  );
  for (const warning of warnings) console.log(`\n!!! ulimit: ${warning}\n`);
  console.log(`bench: ${mode} mode, ${env.runs} run(s), ulimit -n ${limit ?? "unknown"}, scenarios ${config.scenarios.join(", ")}`);
  const runs: BenchReport[] = [];
  for (let i = 1; i <= env.runs; i++) {
    if (env.runs > 1) console.log(`\nbench: run ${i} of ${env.runs}`);
    runs.push(await runBench(config, { ci: env.ci, log: (line) => console.log(line), warnings }));
    if (env.runs > 1) console.log(`\nbench: run ${i} of ${env.runs}\n\n${formatReportTable(runs.at(-1) as BenchReport)}`);
  }
  // One run is reported as it is; several as the median of each figure, every run kept in the JSON.
  const report = runs.length === 1 ? (runs[0] as BenchReport) : medianOfRuns(runs);
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
