import type { EventHandler, IJobQueue } from "@repo/core-events";
import type { articlePublished } from "../article-published.event";
import { notifySubscribersJob } from "../../jobs/notify-subscribers.job";

/**
 * Durable consumer 2 of `article.published`: queues the subscriber
 * notification as a job, so a failing delivery is retried by the queue
 * instead of being lost with the event.
 *
 * @example
 * bus.subscribe(articlePublished, onArticlePublishedNotify({ queue }), { name: "articles.notify-subscribers" });
 */
export function onArticlePublishedNotify(deps: { readonly queue: IJobQueue }): EventHandler<typeof articlePublished> {
  return async (article) => {
    await deps.queue.enqueue(notifySubscribersJob, { articleId: article.id, authorId: article.authorId, title: article.title });
  };
}
