import type { Article } from "../domain/article";

/**
 * Where articles live: the database (`SqlArticleRepository`, the only one the
 * app binds), or a Map for fast use-case tests (`InMemoryArticleRepository`).
 * One contract suite (`__tests__/article-repository-contract.ts`) runs against
 * both, on PostgreSQL and PGlite for the SQL one, so the two cannot drift.
 */
export interface IArticleRepository {
  /** Stores an article, replacing one with the same id. */
  save(article: Article): Promise<void>;
  findById(id: string): Promise<Article | null>;
  /** The articles with these ids, in the order asked; unknown ids are left out. */
  findByIds(ids: readonly string[]): Promise<Article[]>;
  /** Newest first (by `publishedAt`, then id), at most `limit`. */
  listNewestFirst(limit: number): Promise<Article[]>;
}
