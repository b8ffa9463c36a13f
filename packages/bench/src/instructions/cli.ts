import { mkdirSync, writeFileSync } from "node:fs";
import { readInstructionsEnv } from "../env";
import { formatInstructionsTable } from "./instructions-report";
import type { InstructionsReport } from "./instructions-report";
import { HOT_PATHS, measureStack } from "./measure-stack";
import type { StackCount, StackPlan } from "./measure-stack";

// `pnpm bench:instructions`: instructions per operation of the two hot paths, ours and plain
// Socket.IO, counted by callgrind in a server process of each. Settings come from env.ts.

function describeCounts(count: StackCount): string {
  return HOT_PATHS.map((path) => `${path} ${count[path].perOp.map((n) => Math.round(n)).join(" / ")}`).join("; ");
}

async function main(): Promise<void> {
  const env = readInstructionsEnv();
  const started = Date.now();
  const plan: StackPlan = { ...env, timeoutMs: 900_000, startTimeoutMs: 900_000, maxLifetimeMs: 90 * 60_000 };
  console.log(
    `bench:instructions: ${env.windows} windows x ${env.ops} ops, ${env.warmupOps} warm-up, ${env.subscribers} subscribers; 5-15 minutes per stack (valgrind, longer on a busy machine)`,
  );
  const ours = await measureStack("ours", plan);
  console.log(`bench:instructions: ours done in ${Math.round((Date.now() - started) / 1000)} s: ${describeCounts(ours)}`);
  const baseline = await measureStack("baseline", plan);
  console.log(`bench:instructions: baseline done in ${Math.round((Date.now() - started) / 1000)} s: ${describeCounts(baseline)}`);
  const report: InstructionsReport = {
    startedAt: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    plan: { ops: env.ops, windows: env.windows, warmupOps: env.warmupOps, rewarmOps: env.rewarmOps, subscribers: env.subscribers },
    ours,
    baseline,
  };
  const dir = new URL("../../bench-results/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const file = new URL(`instructions-${report.startedAt.replace(/[:.]/g, "-")}.json`, dir);
  writeFileSync(file, json);
  writeFileSync(new URL("latest-instructions.json", dir), json);
  console.log(`\n${formatInstructionsTable(report)}\n\nbench:instructions: ${report.durationSeconds} s; JSON in ${file.pathname}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:instructions failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
