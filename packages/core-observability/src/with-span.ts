import { SpanStatusCode } from "@opentelemetry/api";
import type { Attributes, Span, Tracer } from "@opentelemetry/api";

/** Span attribute holding the operation kind (`use-case`, `realtime-handler`...). */
export const SPAN_OP_ATTRIBUTE = "op";

export interface WithSpanOptions {
  /** Kind of operation; also the span name when `name` is absent. */
  op: string;
  name?: string;
  attributes?: Attributes;
}

/**
 * Wraps `fn` so each call runs inside an active span named `name ?? op`. A
 * throw or rejection marks the span ERROR, records the exception and is
 * rethrown; the span always ends. The outer half of the instrumentation
 * sandwich: `withSpan(tracer, { op }, withCapture(logger, { layer }, fn))`.
 *
 * @example
 * const createPoll = withSpan(tracer, { op: "use-case", name: "createPoll" },
 *   withCapture(logger, { layer: "use-case", name: "createPoll" }, createPollUseCase(deps)));
 */
export function withSpan<A extends unknown[], R>(
  tracer: Tracer,
  options: WithSpanOptions,
  fn: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  const spanName = options.name ?? options.op;
  const attributes: Attributes = { ...options.attributes, [SPAN_OP_ATTRIBUTE]: options.op };
  return (...args) =>
    tracer.startActiveSpan(spanName, { attributes }, async (span) => {
      try {
        return await fn(...args);
      } catch (error) {
        markSpanFailed(span, error);
        throw error;
      } finally {
        span.end();
      }
    });
}

function markSpanFailed(span: Span, error: unknown): void {
  if (error instanceof Error) {
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    return;
  }
  span.recordException(String(error));
  span.setStatus({ code: SpanStatusCode.ERROR });
}
