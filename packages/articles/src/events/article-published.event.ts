import { defineEvent } from "@repo/core-events";
import { z } from "zod";

/**
 * Published once an article's transaction committed. Carries the body because
 * the search index (a durable consumer) indexes it; `articles.feed` got its
 * summary through the outbox in that transaction, and the admin dashboard
 * takes only the ids.
 *
 * @example
 * bus.subscribe(articlePublished, (article) => index.add(article), { name: "articles.search-index" });
 */
export const articlePublished = defineEvent({
  name: "article.published",
  schema: z.object({
    id: z.string().min(1),
    title: z.string().min(1),
    body: z.string().min(1),
    authorId: z.string().min(1),
    publishedAt: z.number().int().nonnegative(),
  }),
});
