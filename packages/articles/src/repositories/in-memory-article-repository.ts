import type { Article } from "../domain/article";
import type { IArticleRepository } from "./article-repository";

/** Newest first; the id breaks ties so the order is total and stable. */
function newestFirst(a: Article, b: Article): number {
  return b.publishedAt - a.publishedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Articles in a Map, a test double for fast use-case tests; it passes the
 * same contract suite as `SqlArticleRepository`. The app never binds it.
 *
 * @example
 * const articles = new InMemoryArticleRepository();
 * await articles.save({ id: "a1", title: "Hello", body: "...", authorId: "alice", publishedAt: Date.now() });
 */
export class InMemoryArticleRepository implements IArticleRepository {
  readonly #byId = new Map<string, Article>();

  async save(article: Article): Promise<void> {
    this.#byId.set(article.id, Object.freeze({ ...article }));
  }

  async findById(id: string): Promise<Article | null> {
    return this.#byId.get(id) ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<Article[]> {
    return ids.flatMap((id) => {
      const article = this.#byId.get(id);
      return article === undefined ? [] : [article];
    });
  }

  async listNewestFirst(limit: number): Promise<Article[]> {
    return [...this.#byId.values()].sort(newestFirst).slice(0, Math.max(0, limit));
  }
}
