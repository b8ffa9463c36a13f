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
  targeted: () => "one message to a user's own channel (1 subscriber)",
  inbound: () => "one inbound publish through gate 3 (ack)",
};

function millions(count: number): string {
  return `${(count / 1e6).toFixed(3)}M`;
}

function spread(count: PathCount): string {
  return `±${((count.spread * 100) / 2).toFixed(1)} %`;
}

/**
 * The report as a Markdown table: per hot path and stack, the lowest window
 * (the operation with the least incidental work: the figure to judge a change
 * by) and the median window with the window-to-window spread (half of
 * max - min, over the median), and ours/baseline of both.
 *
 * @example
 * console.log(formatInstructionsTable(report));
 */
export function formatInstructionsTable(report: InstructionsReport): string {
  const lines = [
    "| hot path | ours: min / median (instructions/op) | baseline: min / median | ours/baseline (min) | ours/baseline (median) |",
    "|---|---:|---:|---:|---:|",
  ];
  const times = (r: number | null): string => (r === null ? "—" : `${r.toFixed(3)}x`);
  for (const path of HOT_PATHS) {
    const ours = report.ours[path];
    const baseline = report.baseline[path];
    lines.push(
      `| ${PATH_LABELS[path](report.plan.subscribers)} | ${millions(ours.min)} / ${millions(ours.median)} ${spread(ours)} | ${millions(baseline.min)} / ${millions(baseline.median)} ${spread(baseline)} | ${times(ratio(ours.min, baseline.min))} | ${times(ratio(ours.median, baseline.median))} |`,
    );
  }
  const { plan } = report;
  lines.push(
    "",
    `${plan.windows} windows of ${plan.ops} operations per path and stack (${plan.warmupOps} warm-up operations after one forced GC, ${plan.rewarmOps} more before each window), counted between two markers inside the target with every periodic timer beyond the window; the cleanest calibration window (the same markers and pacing with no operation) is subtracted from each.`,
  );
  return lines.join("\n");
}
