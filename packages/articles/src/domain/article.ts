import { z } from "zod";

/** A published article. Ids appear in logs and on the admin dashboard, never in channel names. */
export interface Article {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  /** The user who published it (auth's user id). */
  readonly authorId: string;
  /** Epoch ms. */
  readonly publishedAt: number;
}

export const ARTICLE_TITLE_MAX_LENGTH = 200;
export const ARTICLE_BODY_MAX_LENGTH = 20_000;

/** Article ids: letters, digits, `_` and `-` (UUIDs, or stable seed ids such as `seed-welcome`). */
export const ZArticleId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Invalid article id");

/** What a client sends to publish: both fields trimmed, neither empty. */
export const ZPublishArticleRequest = z.object({
  title: z.string().trim().min(1, "Title must not be empty").max(ARTICLE_TITLE_MAX_LENGTH),
  body: z.string().trim().min(1, "Body must not be empty").max(ARTICLE_BODY_MAX_LENGTH),
});
