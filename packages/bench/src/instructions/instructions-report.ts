import { ratio } from "../stats/ratio";
import type { PathCount } from "./count-path";
import type { HotPath, StackCount } from "./measure-stack";
import { HOT_PATHS } from "./measure-stack";

/** What `pnpm bench:instructions` reports: both stacks' counts of both hot paths. */
export interface InstructionsReport {
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly plan: { readonly ops: number; readonly windows: number; readonly warmupOps: number; readonly rewarmOps: number; readonly subscribers: number };
  readonly ours: StackCount;
  readonly baseline: StackCount;
}

const PATH_LABELS: Record<HotPath, (subscribers: number) => string> = {
  broadcast: (subscribers) => `broadcast to a room of ${subscribers}`,
  inbound: () => "one inbound publish through gate 3 (ack)",
};

function millions(count: number): string {
  return `${(count / 1e6).toFixed(3)}M`;
}

function spread(count: PathCount): string {
  return `±${((count.spread * 100) / 2).toFixed(1)} %`;
}

/**
 * The report as a Markdown table: per hot path, the median instructions per
 * operation of each stack, the window-to-window spread (half of max - min,
 * over the median) and ours/baseline.
 *
 * @example
 * console.log(formatInstructionsTable(report));
 */
export function formatInstructionsTable(report: InstructionsReport): string {
  const lines = [
    "| hot path | ours (instructions/op) | baseline (instructions/op) | ours/baseline |",
    "|---|---:|---:|---:|",
  ];
  for (const path of HOT_PATHS) {
    const ours = report.ours[path];
    const baseline = report.baseline[path];
    const r = ratio(ours.median, baseline.median);
    lines.push(
      `| ${PATH_LABELS[path](report.plan.subscribers)} | ${millions(ours.median)} ${spread(ours)} | ${millions(baseline.median)} ${spread(baseline)} | ${r === null ? "—" : `${r.toFixed(3)}x`} |`,
    );
  }
  const { plan } = report;
  lines.push(
    "",
    `Median of ${plan.windows} windows of ${plan.ops} lockstep operations per path and stack (${plan.warmupOps} warm-up operations, ${plan.rewarmOps} more after each window's forced GC); the broadcast figure has the IPC round trip that triggers it subtracted.`,
  );
  return lines.join("\n");
}
