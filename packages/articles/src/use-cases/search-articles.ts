import { toArticleSummary } from "../domain/article-summary";
import type { TArticleSummary } from "../domain/article-summary";
import type { IArticleRepository } from "../repositories/article-repository";
import type { IArticleSearchIndex } from "../search/article-search-index";

export interface SearchArticlesDeps {
  readonly index: IArticleSearchIndex;
  readonly articles: IArticleRepository;
}

export type SearchArticles = (input: { readonly q: string; readonly limit?: number }) => Promise<TArticleSummary[]>;

const DEFAULT_LIMIT = 20;

/**
 * Articles matching every word of `q`, best match first, as summaries. The
 * index answers ids; the repository answers the articles, so a hit always
 * shows what is stored now.
 *
 * @example
 * const hits = await searchArticles({ q: "socket rooms" });
 */
export function searchArticlesUseCase(deps: SearchArticlesDeps): SearchArticles {
  return async ({ q, limit = DEFAULT_LIMIT }) => {
    const ids = await deps.index.search(q, limit);
    return (await deps.articles.findByIds(ids)).map(toArticleSummary);
  };
}
