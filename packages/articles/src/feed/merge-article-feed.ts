import type { TArticleSummary } from "../domain/article-summary";

/** How many articles a page keeps; older ones drop off the bottom. */
export const FEED_MAX_ITEMS = 100;

/** Newest first; the id breaks ties, the order `articles.list` answers in. */
function newestFirst(a: TArticleSummary, b: TArticleSummary): number {
  return b.publishedAt - a.publishedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * The feed a page shows: what it has, plus a `articles.list` snapshot or
 * live `articles.feed` items, by id (the same article arriving twice, from
 * the snapshot and the channel, or replayed after a reload, is shown once,
 * in its latest version), newest first, at most `limit`. Returns `feed`
 * itself when nothing changed, so React skips the render.
 *
 * @example
 * setFeed((feed) => mergeArticleFeed(feed, [item]));
 */
export function mergeArticleFeed(
  feed: readonly TArticleSummary[],
  incoming: readonly TArticleSummary[],
  limit: number = FEED_MAX_ITEMS,
): readonly TArticleSummary[] {
  const byId = new Map(feed.map((article) => [article.id, article]));
  let changed = false;
  for (const article of incoming) {
    const known = byId.get(article.id);
    if (known !== undefined && sameSummary(known, article)) continue;
    byId.set(article.id, article);
    changed = true;
  }
  if (!changed) return feed;
  return [...byId.values()].sort(newestFirst).slice(0, Math.max(0, limit));
}

function sameSummary(a: TArticleSummary, b: TArticleSummary): boolean {
  return a.title === b.title && a.excerpt === b.excerpt && a.authorId === b.authorId && a.publishedAt === b.publishedAt;
}
