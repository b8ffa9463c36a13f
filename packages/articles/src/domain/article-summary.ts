import { z } from "zod";
import type { Article } from "./article";

/** Characters of the body a list, a search hit or a feed item shows. */
export const EXCERPT_LENGTH = 280;

/**
 * An article as lists, search results and the live feed show it: the
 * excerpt instead of the whole body, so one shape serves all three.
 */
export const ZArticleSummary = z.object({
  id: z.string(),
  title: z.string(),
  excerpt: z.string(),
  authorId: z.string(),
  publishedAt: z.number(),
});
export type TArticleSummary = z.infer<typeof ZArticleSummary>;

/**
 * The first {@link EXCERPT_LENGTH} characters of a body, whitespace collapsed,
 * cut at a word boundary when one is near, with an ellipsis when shortened.
 *
 * @example
 * excerptOf("Hello   world"); // "Hello world"
 */
export function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(" ");
  // Cut at the last word boundary unless that would drop most of the excerpt.
  return `${lastSpace > EXCERPT_LENGTH * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
}

/**
 * @example
 * toArticleSummary(article); // { id, title, excerpt, authorId, publishedAt }
 */
export function toArticleSummary(article: Pick<Article, "id" | "title" | "body" | "authorId" | "publishedAt">): TArticleSummary {
  return {
    id: article.id,
    title: article.title,
    excerpt: excerptOf(article.body),
    authorId: article.authorId,
    publishedAt: article.publishedAt,
  };
}
