import type { AppDatabase, Kysely } from "@repo/core-database";
import type { Article } from "../domain/article";
import type { IArticleRepository } from "./article-repository";

/** The table as `0001-create-articles` creates it (a type alias: Kysely needs an index-compatible shape). */
export type ArticlesTables = {
  articles: {
    id: string;
    title: string;
    body: string;
    author_id: string;
    published_at: number;
  };
};

/**
 * What the repository runs its queries on: the app's database handle, or a
 * transaction on it (`Transaction<T>` is a `Kysely<T>`), so a caller can save
 * an article in the same transaction as other writes (an outbox row).
 */
export type ArticlesExecutor = Kysely<ArticlesTables>;

type ArticleRow = ArticlesTables["articles"];

function toArticle(row: ArticleRow): Article {
  // bigint is parsed to a number on both engines (ADR-020); Number() keeps the type honest.
  return { id: row.id, title: row.title, body: row.body, authorId: row.author_id, publishedAt: Number(row.published_at) };
}

/**
 * Articles in the system of record (ADR-020), the same SQL on PostgreSQL and
 * PGlite. Each method is one statement, so it needs no transaction of its own
 * and runs as it is inside a caller's transaction. A second save of an id
 * replaces the row (`insert ... on conflict do update`), in one statement, so
 * two instances saving at once leave one row.
 *
 * @example
 * const articles = SqlArticleRepository.on(ctx.database);
 * await articles.listNewestFirst(20);
 * // inside a caller's transaction:
 * await database.db.transaction().execute((trx) => articles.withExecutor(trx.$extendTables<ArticlesTables>()).save(article));
 */
export class SqlArticleRepository implements IArticleRepository {
  readonly #db: ArticlesExecutor;

  constructor(executor: ArticlesExecutor) {
    this.#db = executor;
  }

  /** The repository on the app's database. */
  static on(database: AppDatabase): SqlArticleRepository {
    return new SqlArticleRepository(database.db.$extendTables<ArticlesTables>());
  }

  /** The same repository, its queries run on `executor` (a transaction) instead. */
  withExecutor(executor: ArticlesExecutor): SqlArticleRepository {
    return new SqlArticleRepository(executor);
  }

  async save(article: Article): Promise<void> {
    const row: ArticleRow = { id: article.id, title: article.title, body: article.body, author_id: article.authorId, published_at: article.publishedAt };
    await this.#db
      .insertInto("articles")
      .values(row)
      .onConflict((conflict) =>
        conflict.column("id").doUpdateSet((eb) => ({
          title: eb.ref("excluded.title"),
          body: eb.ref("excluded.body"),
          author_id: eb.ref("excluded.author_id"),
          published_at: eb.ref("excluded.published_at"),
        })),
      )
      .execute();
  }

  async findById(id: string): Promise<Article | null> {
    const row = await this.#db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
    return row === undefined ? null : toArticle(row);
  }

  async findByIds(ids: readonly string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db.selectFrom("articles").selectAll().where("id", "in", [...new Set(ids)]).execute();
    const byId = new Map(rows.map((row) => [row.id, toArticle(row)]));
    // In the order asked (the search ranking), unknown ids left out.
    return ids.flatMap((id) => {
      const article = byId.get(id);
      return article === undefined ? [] : [article];
    });
  }

  async listNewestFirst(limit: number): Promise<Article[]> {
    if (limit <= 0) return [];
    const rows = await this.#db.selectFrom("articles").selectAll().orderBy("published_at", "desc").orderBy("id", "desc").limit(limit).execute();
    return rows.map(toArticle);
  }
}
