import type { Logger } from "@repo/core-observability";

/** What subscribers are told about a new article. */
export interface ArticleNotice {
  readonly articleId: string;
  readonly authorId: string;
  readonly title: string;
}

/**
 * Delivers "new article" notices to the author's subscribers. Throwing means
 * "try again later": the `article.notify-subscribers` job retries it.
 */
export interface ISubscriberNotifier {
  notify(notice: ArticleNotice, attempt: number): Promise<void>;
}

/**
 * The notifier until a delivery channel (email, the notifications feature)
 * is chosen: it logs each notice with ids only, never the title, so the job
 * path runs end to end in dev.
 *
 * @example
 * const notifier = new LogSubscriberNotifier(logger);
 */
export class LogSubscriberNotifier implements ISubscriberNotifier {
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger.child({ layer: "articles.subscriber-notifier" });
  }

  async notify(notice: ArticleNotice, attempt: number): Promise<void> {
    this.#logger.info({ articleId: notice.articleId, authorId: notice.authorId, attempt }, "article_subscribers_notified");
  }
}
