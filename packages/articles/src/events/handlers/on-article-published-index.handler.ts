import type { EventHandler } from "@repo/core-events";
import type { articlePublished } from "../article-published.event";
import type { IArticleSearchIndex } from "../../search/article-search-index";

/**
 * Durable consumer 1 of `article.published`: puts the article in the search index.
 *
 * @example
 * bus.subscribe(articlePublished, onArticlePublishedIndex({ index }), { name: "articles.search-index" });
 */
export function onArticlePublishedIndex(deps: { readonly index: IArticleSearchIndex }): EventHandler<typeof articlePublished> {
  return async (article) => {
    await deps.index.add({ id: article.id, title: article.title, body: article.body, publishedAt: article.publishedAt });
  };
}
