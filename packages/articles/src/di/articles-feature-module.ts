import type { Container, FeatureModule } from "@repo/core-di";
import { createArticlesRouter } from "../trpc/router";
import type { ArticlesRouter } from "../trpc/router";
import { ArticlesSymbols } from "./symbols";

/** The feature's name: its container name and its key in the app router. */
export const ARTICLES_FEATURE_NAME = "articles";

/**
 * What both bind files return once the container is complete. `stops` undo
 * what the bind file started (bus subscriptions, the job processor, the
 * bridge); `close()` runs them once.
 *
 * @example
 * return articlesFeatureModule(container, [stopIndex, stopNotify, stopProcessor, stopBridge]);
 */
export function articlesFeatureModule(container: Container, stops: ReadonlyArray<() => void>): FeatureModule<ArticlesRouter> {
  let closed = false;
  return {
    name: ARTICLES_FEATURE_NAME,
    container,
    router: createArticlesRouter({
      publishArticle: container.get(ArticlesSymbols.publishArticle),
      listArticles: container.get(ArticlesSymbols.listArticles),
      searchArticles: container.get(ArticlesSymbols.searchArticles),
    }),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const stop of stops) stop();
    },
  };
}
