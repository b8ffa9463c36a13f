import type { IArticleRepository } from "../repositories/article-repository";
import type { PublishArticle, PublishArticleInput } from "../use-cases/publish-article";

/** Three articles by the dev seed users (auth's `alice` and `bob`), oldest first. */
export const DEV_SEED_ARTICLES: readonly (PublishArticleInput & { readonly id: string })[] = [
  {
    id: "seed-welcome",
    title: "Welcome to the realtime starter",
    body: "Next.js pages, tRPC procedures and Socket.IO channels share one Node server. Sign in as alice or bob and publish an article: every open /articles page shows it at once.",
    authorId: "alice",
  },
  {
    id: "seed-bridge",
    title: "How the realtime bridge works",
    body: "A use case publishes article.published on the event bus. The search index and a notify-subscribers job consume it, and an allowlist entry forwards a summary onto the public articles.feed channel.",
    authorId: "bob",
  },
  {
    id: "seed-search",
    title: "Searching articles",
    body: "Search matches every word you type, as a prefix: real finds realtime. Titles weigh more than bodies, and newer articles win ties.",
    authorId: "alice",
  },
];

/**
 * Publishes the seed articles through the real use case (so the index, the
 * job and the feed see them), a minute apart and ending a minute ago,
 * skipping any already stored: a restart on the same database publishes
 * nothing again (and two instances starting together store each seed once:
 * a second save of a seed id replaces the row with the same content).
 *
 * @example
 * await seedArticles(container.get(ArticlesSymbols.publishArticle), container.get(ArticlesSymbols.articleRepository));
 */
export async function seedArticles(
  publishArticle: PublishArticle,
  articles: IArticleRepository,
  seeds: readonly (PublishArticleInput & { readonly id: string })[] = DEV_SEED_ARTICLES,
  now: () => number = Date.now,
): Promise<void> {
  const start = now();
  for (const [i, seed] of seeds.entries()) {
    if ((await articles.findById(seed.id)) !== null) continue;
    await publishArticle({ ...seed, publishedAt: seed.publishedAt ?? start - (seeds.length - i) * 60_000 });
  }
}
