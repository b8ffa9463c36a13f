import { toArticleSummary } from "../domain/article-summary";
import type { TArticleSummary } from "../domain/article-summary";
import type { IArticleRepository } from "../repositories/article-repository";

export interface ListArticlesDeps {
  readonly articles: IArticleRepository;
}

export type ListArticles = (input: { readonly limit: number }) => Promise<TArticleSummary[]>;

/**
 * The newest articles first, as summaries.
 *
 * @example
 * const latest = await listArticles({ limit: 20 });
 */
export function listArticlesUseCase(deps: ListArticlesDeps): ListArticles {
  return async ({ limit }) => (await deps.articles.listNewestFirst(limit)).map(toArticleSummary);
}
