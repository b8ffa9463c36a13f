import type { BindContext } from "@repo/core-di";
import { withCapture, withSpan } from "@repo/core-observability";

/**
 * The ADR-014 sandwich for a use case: a span around a capture, so a failure
 * is traced and logged once, by the innermost layer.
 *
 * @example
 * container.bind(AdminObservabilitySymbols.sampleRealtimeMetrics, instrumentUseCase(ctx, "adminObservability.sample", useCase));
 */
export function instrumentUseCase<A extends unknown[], R>(
  ctx: Pick<BindContext, "tracer" | "logger">,
  name: string,
  useCase: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return withSpan(ctx.tracer, { op: "use-case", name }, withCapture(ctx.logger, { layer: "use-case", name }, useCase));
}

/**
 * A span only, for bus subscribers: the bus already logs a failing
 * subscriber with its event name (`subscriber_failed`), so a capture layer
 * would log it twice.
 *
 * @example
 * ctx.bus.subscribe(jobFailed, traceConsumer(ctx, "adminObservability.activity-log", handler));
 */
export function traceConsumer<A extends unknown[], R>(
  ctx: Pick<BindContext, "tracer">,
  name: string,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return withSpan(ctx.tracer, { op: "event-consumer", name }, handler);
}
