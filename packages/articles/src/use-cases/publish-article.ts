import { randomUUID } from "node:crypto";
import type { IEventBus } from "@repo/core-events";
import { ZArticleId, ZPublishArticleRequest } from "../domain/article";
import type { Article } from "../domain/article";
import { articlePublished } from "../events/article-published.event";
import { articlesFeedChannel } from "../realtime/articles-feed.channel";
import { articleFeedMapping } from "../realtime/articles-feed.mapping";
import type { ArticlesUnitOfWork } from "./articles-unit-of-work";

export interface PublishArticleDeps {
  /** The save and the feed item in one transaction: a stored article always reaches the feed, even across a crash. */
  readonly work: ArticlesUnitOfWork;
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
 * Stores an article and, in the same transaction, its feed item (a summary,
 * never the body) on `articles.feed`, delivered after commit through the
 * outbox (ADR-021); then publishes `article.published` in process for the
 * search index and the subscriber-notification job. Throws a `ZodError` for
 * an empty or oversized title or body.
 *
 * @example
 * const publishArticle = publishArticleUseCase({ work, bus });
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
    const feedItem = articleFeedMapping(article);
    await deps.work(async ({ articles, realtime }) => {
      await articles.save(article);
      await realtime.broadcast(articlesFeedChannel, feedItem.params, feedItem.payload);
    });
    // In-process consumers hear only what committed.
    await deps.bus.publish(articlePublished, { ...article });
    return { id };
  };
}
