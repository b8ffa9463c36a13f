/**
 * `@repo/articles/client`: what a browser needs (the channel descriptor,
 * the payload schema and the feed merge the page keeps its list with),
 * without the server half of the feature.
 */
export { articlesFeedChannel } from "./realtime/articles-feed.channel";
export type { TArticleSummary } from "./domain/article-summary";
export { ARTICLE_BODY_MAX_LENGTH, ARTICLE_TITLE_MAX_LENGTH } from "./domain/article";
export { mergeArticleFeed } from "./feed/merge-article-feed";
