import { token } from "@repo/core-di";
import type { IArticleRepository } from "../repositories/article-repository";
import type { IArticleSearchIndex } from "../search/article-search-index";
import type { ISubscriberNotifier } from "../services/subscriber-notifier";
import type { ListArticles } from "../use-cases/list-articles";
import type { PublishArticle } from "../use-cases/publish-article";
import type { SearchArticles } from "../use-cases/search-articles";

/** The articles feature's container keys (ADR-008). */
export const ArticlesSymbols = {
  articleRepository: token<IArticleRepository>("articles.articleRepository"),
  searchIndex: token<IArticleSearchIndex>("articles.searchIndex"),
  subscriberNotifier: token<ISubscriberNotifier>("articles.subscriberNotifier"),
  publishArticle: token<PublishArticle>("articles.publishArticle"),
  listArticles: token<ListArticles>("articles.listArticles"),
  searchArticles: token<SearchArticles>("articles.searchArticles"),
  // @anchor:symbols
  // @anchor:realtime-symbols
} as const;
