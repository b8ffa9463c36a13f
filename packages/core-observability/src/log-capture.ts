import type { DestinationStream } from "pino";
import { createLogger } from "./logger";
import type { Logger } from "./logger";

/** One parsed JSON log line. */
type LogEntry = Record<string, unknown> & { level: number; msg?: string };

export interface LogCapture {
  readonly logger: Logger;
  /** Every line written so far, parsed. */
  entries(): LogEntry[];
  /** Lines at exactly this pino level (`error` is 50, `warn` 40, `info` 30). */
  entriesAt(level: number): LogEntry[];
  clear(): void;
}

/**
 * A real repo logger (same redaction, same serializers) that writes JSON lines
 * to memory, for tests that assert what was logged.
 *
 * @example
 * const capture = createLogCapture();
 * await doWork(capture.logger);
 * expect(capture.entriesAt(50)).toHaveLength(1);
 */
export function createLogCapture(options: { level?: string } = {}): LogCapture {
  const lines: string[] = [];
  const destination: DestinationStream = { write: (line) => void lines.push(line) };
  const logger = createLogger({ level: options.level ?? "trace", pretty: false, destination });
  const entries = (): LogEntry[] =>
    lines
      .join("")
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as LogEntry);
  return {
    logger,
    entries,
    entriesAt: (level) => entries().filter((entry) => entry.level === level),
    clear: () => void lines.splice(0),
  };
}
