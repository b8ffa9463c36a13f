import { mkdirSync, writeFileSync } from "node:fs";
import { readInstructionsEnv } from "../env";
import { formatInstructionsTable } from "./instructions-report";
import type { InstructionsReport } from "./instructions-report";
import { measureStack } from "./measure-stack";
import type { StackPlan } from "./measure-stack";

// `pnpm bench:instructions`: instructions per operation of the two hot paths, ours and plain
// Socket.IO, counted by callgrind in a server process of each. Settings come from env.ts.

async function main(): Promise<void> {
  const env = readInstructionsEnv();
  const started = Date.now();
  const plan: StackPlan = { ...env, timeoutMs: 180_000, startTimeoutMs: 600_000, maxLifetimeMs: 45 * 60_000 };
  console.log(`bench:instructions: ${env.windows} windows x ${env.ops} ops, ${env.warmupOps} warm-up, ${env.subscribers} subscribers; about 5 minutes per stack`);
  const ours = await measureStack("ours", plan);
  console.log(`bench:instructions: ours done in ${Math.round((Date.now() - started) / 1000)} s`);
  const baseline = await measureStack("baseline", plan);
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
