import type { BindContext } from "@repo/core-di";
import { withCapture, withSpan } from "@repo/core-observability";

/**
 * The ADR-014 sandwich for a use case: a span around a capture, so a failure
 * is traced and logged once, by the innermost layer.
 *
 * @example
 * container.bind(PollsSymbols.createPoll, instrumentUseCase(ctx, "polls.create", createPollUseCase(deps)));
 */
export function instrumentUseCase<A extends unknown[], R>(
  ctx: Pick<BindContext, "tracer" | "logger">,
  name: string,
  useCase: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return withSpan(ctx.tracer, { op: "use-case", name }, withCapture(ctx.logger, { layer: "use-case", name }, useCase));
}

