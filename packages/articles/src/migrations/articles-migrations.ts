import type { FeatureMigrations } from "@repo/core-database";
import { createArticles } from "./0001-create-articles";

/**
 * The articles feature's schema history, applied by the app with every
 * feature's (`migrateToLatest`). Names are never changed once shipped.
 *
 * @example
 * await migrateToLatest(database, [articlesMigrations]);
 */
export const articlesMigrations: FeatureMigrations = {
  feature: "articles",
  migrations: { "0001-create-articles": createArticles },
};
