import type { BenchReport, Figure } from "./harness/report-types";

function formatValue(value: number | null, unit: string): string {
  if (value === null) return "—";
  if (unit === "/s") return Math.round(value).toLocaleString("en-US");
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** `0.97x`, marked when it is on the wrong side of parity by more than the machine's noise. */
export function formatRatio(figure: Figure): string {
  if (figure.ratio === null) return "—";
  const worse = figure.better === "higher" ? figure.ratio < 0.9 : figure.ratio > 1.1;
  return `${figure.ratio.toFixed(2)}x${worse ? " !" : ""}`;
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return `| ${cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ")} |`;
}

/**
 * The report as a Markdown table (also what stdout shows): one line per
 * figure, ours, baseline and ours/baseline. `!` marks a ratio more than 10 %
 * on the wrong side, beyond this machine's run-to-run noise.
 *
 * @example
 * console.log(formatReportTable(report));
 */
export function formatReportTable(report: BenchReport): string {
  const header = ["scenario", "figure", "ours", "baseline", "ours/baseline"];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const result of report.results) {
    result.figures.forEach((f, i) => {
      const unit = f.unit === "/s" ? "" : ` ${f.unit}`;
      rows.push([i === 0 ? `${result.scenario}: ${result.variant}` : "", `${f.name}`, `${formatValue(f.ours, f.unit)}${unit}`, `${formatValue(f.baseline, f.unit)}${unit}`, formatRatio(f)]);
    });
    result.notes.forEach((note) => notes.push(`- ${result.scenario} (${result.variant}): ${note}`));
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const lines = [pad(header, widths), `|${widths.map((w, i) => (i < 2 ? `${"-".repeat(w + 2)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`];
  rows.forEach((row) => lines.push(pad(row, widths)));
  return [...lines, ...(notes.length > 0 ? ["", ...notes] : [])].join("\n");
}
