import type { EventPayload } from "@repo/core-events";
import type { RealtimeBridgeMapping } from "@repo/core-realtime/server";
import { toArticleSummary } from "../domain/article-summary";
import type { articlePublished } from "../events/article-published.event";
import type { articlesFeedChannel } from "./articles-feed.channel";

/**
 * A published article as its feed item (summary only; the body stays on the
 * server), in the shape of a bridge mapping so it also fits `bridgeEntry`.
 *
 * @example
 * const { params, payload } = articleFeedMapping(article);
 * await realtime.broadcast(articlesFeedChannel, params, payload);
 */
export function articleFeedMapping(article: EventPayload<typeof articlePublished>): RealtimeBridgeMapping<typeof articlesFeedChannel> {
  return { params: {}, payload: toArticleSummary(article) };
}
