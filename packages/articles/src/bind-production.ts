import { createContainer, traceConsumer } from "@repo/core-di";
import type { BindContext, FeatureModule } from "@repo/core-di";
import { articlesFeatureModule, ARTICLES_FEATURE_NAME } from "./di/articles-feature-module";
import { bindArticlesServices, selectArticleRepository } from "./di/bind-articles-services";
import { ArticlesSymbols } from "./di/symbols";
import { articlePublished } from "./events/article-published.event";
import { onArticlePublishedIndex } from "./events/handlers/on-article-published-index.handler";
import { onArticlePublishedNotify } from "./events/handlers/on-article-published-notify.handler";
import { onNotifySubscribers } from "./jobs/handlers/on-notify-subscribers.handler";
import { notifySubscribersJob } from "./jobs/notify-subscribers.job";
import { articlesFeedChannel } from "./realtime/articles-feed.channel";
import type { ArticlesRouter } from "./trpc/router";

/**
 * Wires the articles feature for production: articles in the system of
 * record (`ctx.database`, ADR-020), the in-memory search index, the feed
 * item on `articles.feed` through the outbox (ADR-021, in the publish
 * transaction), and `article.published` fanned out after commit to its two
 * durable consumers (index, notify-subscribers job).
 *
 * @example
 * const articles = bindProductionArticles(ctx);
 * await articles.container.get(ArticlesSymbols.publishArticle)({ title, body, authorId });
 */
export function bindProductionArticles(ctx: BindContext): FeatureModule<ArticlesRouter> {
  const container = createContainer(ARTICLES_FEATURE_NAME);
  bindArticlesServices(container, ctx, { articles: selectArticleRepository(ctx) });
  // @anchor:bindings
  const stops = [
    ctx.bus.subscribe(
      articlePublished,
      traceConsumer(ctx, "articles.search-index", onArticlePublishedIndex({ index: container.get(ArticlesSymbols.searchIndex) })),
      { name: "articles.search-index" },
    ),
    ctx.bus.subscribe(
      articlePublished,
      traceConsumer(ctx, "articles.notify-subscribers", onArticlePublishedNotify({ queue: ctx.queue })),
      { name: "articles.notify-subscribers" },
    ),
    ctx.queue.process(
      notifySubscribersJob,
      traceConsumer(ctx, notifySubscribersJob.name, onNotifySubscribers({ notifier: container.get(ArticlesSymbols.subscriberNotifier) })),
    ),
  ];

  ctx.realtimeRegistry.registerChannel(articlesFeedChannel);
  // @anchor:realtime-handlers

  return articlesFeatureModule(container, stops);
}
