export { bindProductionArticles } from "./bind-production";
export { bindDevSeedArticles } from "./bind-dev-seed";
export { DEV_SEED_ARTICLES } from "./dev-seed/seed-articles";
export { articlePublished } from "./events/article-published.event";
export { articlesMigrations } from "./migrations/articles-migrations";
// @anchor:exports
// @anchor:realtime-channels
