import { defineRealtimeChannel } from "@repo/core-realtime";
import { ZArticleSummary } from "../domain/article-summary";

/**
 * The public live feed: one message per published article (a summary, never
 * the whole body). `publishArticle` writes it through the outbox in the
 * transaction that stores the article (ADR-021). Outbound only: publishing is a tRPC
 * mutation (ADR-016 R0). Keeps the last 20 items for an hour so a client that
 * reconnects catches up.
 *
 * @example
 * useChannel(articlesFeedChannel, {}, (article) => prepend(article));
 */
export const articlesFeedChannel = defineRealtimeChannel({
  name: "articles.feed",
  scope: "public",
  schema: ZArticleSummary,
  history: { size: 20, ttlSeconds: 3_600 },
  description: "Newly published articles",
});
