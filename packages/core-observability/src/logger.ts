import { pino } from "pino";
import type { DestinationStream, Logger as PinoLogger, LoggerOptions } from "pino";
import pinoPretty from "pino-pretty";
import { observabilityEnv } from "./env";
import { LOG_REDACT_PATHS, REDACTED } from "./redact-paths";

/** The repo-wide logger type: pino's, so child loggers and serializers work as documented by pino. */
export type Logger = PinoLogger;

export interface CreateLoggerOptions {
  /** Minimum level written (`trace` ... `fatal`, or `silent`); defaults to `info`. */
  level?: string;
  /** Human-readable output through pino-pretty; defaults to on in a development TTY only. */
  pretty?: boolean;
  /** Written as the `name` field of every line. */
  name?: string;
  /** Where lines go; defaults to stdout. Tests pass an in-memory stream. */
  destination?: DestinationStream;
}

/**
 * Creates the one root logger of a process: JSON lines with secrets redacted
 * (see {@link LOG_REDACT_PATHS}), pretty-printed only for a developer's terminal.
 *
 * @example
 * const logger = createLogger({ name: "web", level: "debug" });
 * logger.info({ userId }, "session_started");
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const pinoOptions: LoggerOptions = {
    level: options.level ?? "info",
    redact: { paths: [...LOG_REDACT_PATHS], censor: REDACTED },
    ...(options.name === undefined ? {} : { name: options.name }),
  };
  if (options.pretty ?? prefersPrettyOutput()) {
    return pino(pinoOptions, prettyDestination(options.destination));
  }
  return options.destination === undefined ? pino(pinoOptions) : pino(pinoOptions, options.destination);
}

// Formats each line in-process, synchronously, before it reaches the sink: a
// worker-thread transport would lose the last lines on a crash and does not
// survive bundling by Next. Colours only on a terminal that supports them.
function prettyDestination(sink: DestinationStream | undefined): DestinationStream {
  const target = sink ?? pino.destination({ fd: 1, sync: true });
  const prettify = pinoPretty.prettyFactory({ colorize: sink === undefined && pinoPretty.isColorSupported });
  return { write: (line) => target.write(prettify(line)) };
}

/**
 * A logger for one layer (`use-case`, `realtime-handler`, `event-bus`...):
 * every line it writes carries `layer`.
 *
 * @example
 * const log = childLogger(logger, "realtime-server");
 * log.warn({ socketId }, "slow_consumer_disconnected");
 */
export function childLogger(logger: Logger, layer: string): Logger {
  return logger.child({ layer });
}

// Callers that know better pass `pretty` explicitly.
function prefersPrettyOutput(): boolean {
  // `isTTY` is typed boolean but is undefined when stdout is a pipe.
  return observabilityEnv.isDevelopment() && process.stdout.isTTY === true;
}
