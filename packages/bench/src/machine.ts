import { execFileSync } from "node:child_process";
import os from "node:os";
import type { BenchReport } from "./harness/report-types";

/** The soft `ulimit -n` children inherit, or `null` when it cannot be read. */
export function openFilesLimit(): number | null {
  try {
    const out = execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).trim();
    return out === "unlimited" ? Number.MAX_SAFE_INTEGER : Number.parseInt(out, 10);
  } catch (error) {
    console.error(`bench: cannot read ulimit -n: ${String(error)}`);
    return null;
  }
}

/** What the figures depend on, recorded with them. */
export function describeMachine(loadAtStart: number): BenchReport["machine"] {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    totalMemoryBytes: os.totalmem(),
    openFilesLimit: openFilesLimit(),
    loadAverage: { atStart: loadAtStart, atEnd: oneMinuteLoad() },
  };
}

/** The 1-minute load average (processes wanting a CPU); above `cpus` the figures are taken on a contended machine. */
export function oneMinuteLoad(): number {
  return Number((os.loadavg()[0] ?? 0).toFixed(2));
}
