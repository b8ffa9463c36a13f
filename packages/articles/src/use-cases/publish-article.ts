import { randomUUID } from "node:crypto";
import type { IEventBus } from "@repo/core-events";
import { ZArticleId, ZPublishArticleRequest } from "../domain/article";
import type { Article } from "../domain/article";
import { articlePublished } from "../events/article-published.event";
import type { IArticleRepository } from "../repositories/article-repository";

export interface PublishArticleDeps {
  readonly articles: IArticleRepository;
  readonly bus: IEventBus;
  readonly newId?: () => string;
  readonly now?: () => number;
}

export interface PublishArticleInput {
  readonly title: string;
  readonly body: string;
  readonly authorId: string;
  /** Stable id for seed data; a random UUID otherwise. */
  readonly id?: string;
  /** Epoch ms for seed data; now otherwise. */
  readonly publishedAt?: number;
}

export type PublishArticle = (input: PublishArticleInput) => Promise<{ readonly id: string }>;

/**
 * Stores an article, then publishes `article.published`. Everything else
 * (search index, subscriber notifications, the live feed) hangs off that
 * event, so this use case stays two steps long. Throws a `ZodError` for an
 * empty or oversized title or body.
 *
 * @example
 * const publishArticle = publishArticleUseCase({ articles, bus });
 * const { id } = await publishArticle({ title: "Hello", body: "First post", authorId: "alice" });
 */
export function publishArticleUseCase(deps: PublishArticleDeps): PublishArticle {
  const newId = deps.newId ?? randomUUID;
  const now = deps.now ?? Date.now;
  return async (input) => {
    const { title, body } = ZPublishArticleRequest.parse({ title: input.title, body: input.body });
    const id = ZArticleId.parse(input.id ?? newId());
    if (input.authorId.trim() === "") throw new Error("An article needs an author");
    const article: Article = { id, title, body, authorId: input.authorId, publishedAt: input.publishedAt ?? now() };
    await deps.articles.save(article);
    await deps.bus.publish(articlePublished, { ...article });
    return { id };
  };
}
