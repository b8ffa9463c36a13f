import { defineJob } from "@repo/core-events";
import { z } from "zod";

/**
 * Tells the author's subscribers about a new article. A job, not a bus
 * subscriber, because delivery may fail transiently and must be retried:
 * 4 attempts, 500 ms then 1 s then 2 s apart.
 *
 * @example
 * await queue.enqueue(notifySubscribersJob, { articleId, authorId, title });
 */
export const notifySubscribersJob = defineJob({
  name: "article.notify-subscribers",
  schema: z.object({
    articleId: z.string().min(1),
    authorId: z.string().min(1),
    title: z.string().min(1),
  }),
  retries: 3,
  backoff: { type: "exponential", delayMs: 500 },
});
