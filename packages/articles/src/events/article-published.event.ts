import { defineEvent } from "@repo/core-events";
import { z } from "zod";

/**
 * Published once an article is stored. Carries the body because the search
 * index (a durable consumer) indexes it; the realtime bridge forwards only a
 * summary to `articles.feed`, and the admin dashboard only the ids.
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
