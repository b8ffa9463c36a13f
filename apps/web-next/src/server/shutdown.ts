import type { Logger } from "@repo/core-observability";

export interface ShutdownStep {
  readonly name: string;
  run(): Promise<void>;
}

export interface ShutdownResult {
  /** Every step finished, in time. */
  readonly clean: boolean;
}

/**
 * Runs shutdown steps in order under one deadline. A failing step is logged
 * and the next one still runs (a broken Redis must not keep Next open); past
 * the deadline the remaining steps are abandoned and `onTimeout` cuts what
 * is left.
 *
 * @example
 * const { clean } = await runShutdown(steps, { timeoutMs: 10_000, logger, onTimeout: () => httpServer.closeAllConnections() });
 */
export async function runShutdown(
  steps: readonly ShutdownStep[],
  options: { readonly timeoutMs: number; readonly logger: Logger; readonly onTimeout?: () => void },
): Promise<ShutdownResult> {
  const log = options.logger.child({ layer: "shutdown" });
  let current = "none";
  let failed = false;
  // Set at the deadline: a stuck step that finishes late must not let the steps after it run
  // beside onTimeout's cut (closing a pool or Redis under a process that is already exiting).
  let abandoned = false;
  const run = async (): Promise<void> => {
    for (const step of steps) {
      if (abandoned) return;
      current = step.name;
      const started = Date.now();
      try {
        await step.run();
        log.debug({ step: step.name, ms: Date.now() - started }, "shutdown_step_done");
      } catch (error) {
        failed = true;
        log.error({ err: error, step: step.name }, "shutdown_step_failed");
      }
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.timeoutMs);
  });
  const outcome = await Promise.race([run().then(() => "done" as const), deadline]);
  clearTimeout(timer);
  if (outcome === "timeout") {
    abandoned = true;
    log.error({ step: current, timeoutMs: options.timeoutMs }, "shutdown_timed_out");
    options.onTimeout?.();
    return { clean: false };
  }
  return { clean: !failed };
}

export interface SignalTarget {
  on(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
}

/**
 * SIGTERM / SIGINT run `shutdown` once, then `exit` with 0 when it was clean
 * and 1 otherwise. A second signal while shutting down exits 1 at once (an
 * impatient Ctrl-C must work).
 *
 * @example
 * installSignalHandlers(process, (signal) => running.shutdown(signal), (code) => process.exit(code));
 */
export function installSignalHandlers(
  target: SignalTarget,
  shutdown: (signal: string) => Promise<ShutdownResult>,
  exit: (code: number) => void,
): void {
  let shuttingDown = false;
  const onSignal = (signal: "SIGTERM" | "SIGINT"): void => {
    if (shuttingDown) return exit(1);
    shuttingDown = true;
    shutdown(signal).then(
      (result) => exit(result.clean ? 0 : 1),
      () => exit(1),
    );
  };
  target.on("SIGTERM", () => onSignal("SIGTERM"));
  target.on("SIGINT", () => onSignal("SIGINT"));
}
