import type { EventPayload } from "@repo/core-events";
import type { RealtimeBridgeMapping } from "@repo/core-realtime/server";
import { toArticleSummary } from "../domain/article-summary";
import type { articlePublished } from "../events/article-published.event";
import type { articlesFeedChannel } from "./articles-feed.channel";

/**
 * The bridge allowlist entry's `map`: a published article becomes a feed item
 * (summary only; the body stays on the server).
 *
 * @example
 * bridgeEntry({ event: articlePublished, channel: articlesFeedChannel, map: articleFeedMapping });
 */
export function articleFeedMapping(article: EventPayload<typeof articlePublished>): RealtimeBridgeMapping<typeof articlesFeedChannel> {
  return { params: {}, payload: toArticleSummary(article) };
}
