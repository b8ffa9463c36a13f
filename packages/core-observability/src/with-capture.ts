import type { Logger } from "./logger";

export interface WithCaptureOptions {
  layer: string;
  name?: string;
}

// Errors already logged by some withCapture. A WeakSet so marking an error
// never keeps it alive and never changes the error object itself.
const capturedErrors = new WeakSet<object>();

/**
 * True when a `withCapture` wrapper has already logged this error, so an outer
 * catch (a server loop, another layer) can skip logging it again.
 *
 * @example
 * if (!wasCaptured(error)) log.error({ err: error }, "handler_failed");
 */
export function wasCaptured(error: unknown): boolean {
  return typeof error === "object" && error !== null && capturedErrors.has(error);
}

/**
 * True for an error that is an answer rather than a fault: a refusal the
 * caller is told about (`ALREADY_VOTED`, `FORBIDDEN`). Such errors say so
 * with an `expected: true` property, which keeps this package free of any
 * dependency on the layers that define them.
 *
 * @example
 * class Refusal extends Error { readonly expected = true; }
 * isExpectedFailure(new Refusal()); // true
 */
export function isExpectedFailure(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { readonly expected?: unknown }).expected === true;
}

function refusalFields(error: object): { code?: unknown; reason: unknown } {
  const { code, message } = error as { readonly code?: unknown; readonly message?: unknown };
  return code === undefined ? { reason: message } : { code, reason: message };
}

/**
 * Wraps `fn` so a throw or rejection is logged once, at error level, as
 * `{ layer, name, err }`, then rethrown. An expected failure (see
 * {@link isExpectedFailure}) is logged at info as `operation_refused` with its
 * code and message and no stack: it is the system working, not failing. Nested wrappers see the error marked
 * and do not log it again, so the innermost layer (the one that knows most)
 * owns the log line. Thrown primitives cannot be marked and are logged by each
 * wrapper they cross.
 *
 * @example
 * const handler = withCapture(logger, { layer: "realtime-handler", name: "onVote" }, onVote(deps));
 */
export function withCapture<A extends unknown[], R>(
  logger: Logger,
  options: WithCaptureOptions,
  fn: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (!wasCaptured(error)) {
        if (typeof error === "object" && error !== null) capturedErrors.add(error);
        if (isExpectedFailure(error)) logger.info({ layer: options.layer, name: options.name, ...refusalFields(error as object) }, "operation_refused");
        else logger.error({ layer: options.layer, name: options.name, err: error }, "operation_failed");
      }
      throw error;
    }
  };
}
