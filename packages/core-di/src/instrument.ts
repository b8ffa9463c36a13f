import { withCapture, withSpan } from "@repo/core-observability";
import type { BindContext } from "./bind-context";

/**
 * The ADR-014 sandwich for a use case: a span around a capture, so a failure
 * is traced and logged once, by the innermost layer. Every feature binds its
 * use cases through this one function.
 *
 * @example
 * container.bind(ArticlesSymbols.publishArticle, instrumentUseCase(ctx, "articles.publishArticle", publishArticleUseCase(deps)));
 */
export function instrumentUseCase<A extends unknown[], R>(
  ctx: Pick<BindContext, "tracer" | "logger">,
  name: string,
  useCase: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return withSpan(ctx.tracer, { op: "use-case", name }, withCapture(ctx.logger, { layer: "use-case", name }, useCase));
}

/**
 * The same sandwich for an inbound realtime handler (ADR-016 gate 3): traced and logged once, by
 * the innermost layer, under `op`/`layer` `"realtime-handler"`. A `RealtimeError` refusal is
 * logged at info by the capture layer, a fault at error. Every bind file registers its handlers
 * through this one function.
 *
 * @example
 * ctx.realtimeRegistry.register(pollChannel, instrumentRealtimeHandler(ctx, "polls.on-vote", container.get(PollsSymbols.onVoteHandler)));
 */
export function instrumentRealtimeHandler<A extends unknown[], R>(
  ctx: Pick<BindContext, "tracer" | "logger">,
  name: string,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return withSpan(ctx.tracer, { op: "realtime-handler", name }, withCapture(ctx.logger, { layer: "realtime-handler", name }, handler));
}

/**
 * A span only, for bus subscribers and job handlers: the bus and the queue
 * already log a failing handler with its event or job name (`subscriber_failed`,
 * `job_attempt_failed`), so a capture layer would log it twice.
 *
 * @example
 * ctx.bus.subscribe(articlePublished, traceConsumer(ctx, "articles.search-index", handler), { name: "articles.search-index" });
 */
export function traceConsumer<A extends unknown[], R>(
  ctx: Pick<BindContext, "tracer">,
  name: string,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return withSpan(ctx.tracer, { op: "event-consumer", name }, handler);
}
