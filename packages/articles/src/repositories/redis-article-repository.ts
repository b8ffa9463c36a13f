import type { RedisClient } from "@repo/core-di";
import type { Logger } from "@repo/core-observability";
import { ZArticle } from "../domain/article";
import type { Article } from "../domain/article";
import type { IArticleRepository } from "./article-repository";

export interface RedisArticleRepositoryOptions {
  /** Key prefix; tests pass a unique one. Defaults to `articles:`. */
  readonly keyPrefix?: string;
  /** Told about stored values that do not parse (they are skipped, not thrown). */
  readonly logger?: Logger;
}

/**
 * Articles in Redis: one JSON string per article (`<prefix>article:<id>`) and
 * a sorted set by `publishedAt` (`<prefix>by-published`) for the newest-first
 * list, written in one MULTI so a reader never sees one without the other.
 *
 * @example
 * const articles = new RedisArticleRepository(redis);
 * await articles.listNewestFirst(20); // ZRANGE articles:by-published 0 19 REV + MGET
 */
export class RedisArticleRepository implements IArticleRepository {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #logger: Logger | undefined;

  constructor(redis: RedisClient, options: RedisArticleRepositoryOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.keyPrefix ?? "articles:";
    this.#logger = options.logger;
  }

  async save(article: Article): Promise<void> {
    await this.#redis
      .multi()
      .set(this.#articleKey(article.id), JSON.stringify(article))
      .zAdd(this.#indexKey(), { score: article.publishedAt, value: article.id })
      .exec();
  }

  async findById(id: string): Promise<Article | null> {
    return this.#parse(id, await this.#redis.get(this.#articleKey(id)));
  }

  async findByIds(ids: readonly string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    const values = await this.#redis.mGet(ids.map((id) => this.#articleKey(id)));
    return ids.flatMap((id, i) => {
      const article = this.#parse(id, values[i] ?? null);
      return article === null ? [] : [article];
    });
  }

  async listNewestFirst(limit: number): Promise<Article[]> {
    if (limit <= 0) return [];
    // Same score: Redis orders members lexicographically, REV reverses it, which matches newestFirst.
    const ids = await this.#redis.zRange(this.#indexKey(), 0, limit - 1, { REV: true });
    return this.findByIds(ids);
  }

  #parse(id: string, raw: string | null): Article | null {
    if (raw === null) return null;
    const parsed = ZArticle.safeParse(parseJson(raw));
    if (parsed.success && parsed.data.id === id) return parsed.data;
    // A value this repository did not write: skip it rather than break every list.
    this.#logger?.warn({ articleId: id }, "article_value_unreadable");
    return null;
  }

  #articleKey(id: string): string {
    return `${this.#prefix}article:${id}`;
  }

  #indexKey(): string {
    return `${this.#prefix}by-published`;
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    // Not JSON: not a value this repository wrote (the zod parse then rejects it).
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
