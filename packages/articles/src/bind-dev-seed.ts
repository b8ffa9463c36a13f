import type { BindContext, FeatureModule } from "@repo/core-di";
import { bindProductionArticles } from "./bind-production";
import { seedArticles } from "./dev-seed/seed-articles";
import { ArticlesSymbols } from "./di/symbols";
import type { ArticlesRouter } from "./trpc/router";

/**
 * The production wiring (`bindProductionArticles`, unchanged) plus three seed
 * articles (by alice and bob), published through the real use case once
 * everything is subscribed, so the index, the job and the feed see them too.
 *
 * @example
 * const articles = await bindDevSeedArticles(ctx);
 */
export async function bindDevSeedArticles(ctx: BindContext): Promise<FeatureModule<ArticlesRouter>> {
  const articles = bindProductionArticles(ctx);
  const { container } = articles;
  // Dev-only bindings and channels go above these anchors; the generators write the production
  // ones into bind-production.ts, which this file runs first.
  // @anchor:bindings

  // @anchor:realtime-handlers

  await seedArticles(container.get(ArticlesSymbols.publishArticle), container.get(ArticlesSymbols.articleRepository));
  return articles;
}
