import { trace } from "@opentelemetry/api";
import type { Tracer } from "@opentelemetry/api";

/**
 * The tracer instrumentation should use. It is a no-op until the app registers
 * an OpenTelemetry SDK, so libraries can trace unconditionally.
 *
 * @example
 * const tracer = getTracer("core-realtime");
 */
export function getTracer(name?: string): Tracer {
  return trace.getTracer(name ?? "repo");
}
