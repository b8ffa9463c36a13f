export { bindProductionArticles } from "./bind-production";
export { bindDevSeedArticles } from "./bind-dev-seed";
export { ArticlesSymbols } from "./di/symbols";
export { ARTICLES_FEATURE_NAME } from "./di/articles-feature-module";
export { DEV_SEED_ARTICLES } from "./dev-seed/seed-articles";
export { ARTICLE_BODY_MAX_LENGTH, ARTICLE_TITLE_MAX_LENGTH, ZPublishArticleRequest } from "./domain/article";
export type { Article, TPublishArticleRequest } from "./domain/article";
export { EXCERPT_LENGTH, ZArticleSummary, excerptOf, toArticleSummary } from "./domain/article-summary";
export type { TArticleSummary } from "./domain/article-summary";
export { articlePublished } from "./events/article-published.event";
export { notifySubscribersJob } from "./jobs/notify-subscribers.job";
export type { IArticleRepository } from "./repositories/article-repository";
export { InMemoryArticleRepository } from "./repositories/in-memory-article-repository";
export { SqlArticleRepository } from "./repositories/sql-article-repository";
export type { ArticlesExecutor, ArticlesTables } from "./repositories/sql-article-repository";
export { articlesMigrations } from "./migrations/articles-migrations";
export type { IArticleSearchIndex, SearchDocument } from "./search/article-search-index";
export { InMemoryArticleSearchIndex } from "./search/in-memory-article-search-index";
export type { ArticleNotice, ISubscriberNotifier } from "./services/subscriber-notifier";
export type { PublishArticle, PublishArticleInput } from "./use-cases/publish-article";
export type { ListArticles } from "./use-cases/list-articles";
export type { SearchArticles } from "./use-cases/search-articles";
export { ZListArticlesRequest, ZSearchArticlesRequest } from "./trpc/router";
export type { ArticlesRouter, TSearchArticlesRequest } from "./trpc/router";
export { FEED_MAX_ITEMS, mergeArticleFeed } from "./feed/merge-article-feed";
// @anchor:exports
export { articlesFeedChannel } from "./realtime/articles-feed.channel";
// @anchor:realtime-channels
