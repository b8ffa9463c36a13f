import { jobCompleted, jobEnqueued } from "@repo/core-events";
import type { AppDatabase } from "@repo/core-database";
import { RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { articlesTestContext as articlesTestContextOn, clearArticles, DATABASE_HOOK_TIMEOUT_MS, openArticlesTestDatabase } from "./__tests__/articles-test-kit";
import { bindDevSeedArticles } from "./bind-dev-seed";
import { bindProductionArticles } from "./bind-production";
import { DEV_SEED_ARTICLES } from "./dev-seed/seed-articles";
import { ArticlesSymbols } from "./di/symbols";
import { articlePublished } from "./events/article-published.event";
import { articlesFeedChannel } from "./realtime/articles-feed.channel";
import { SqlArticleRepository } from "./repositories/sql-article-repository";

describe("articles bind functions", () => {
  // One migrated database for the file (PGlite's initdb is the slow part), emptied before each test.
  let database: AppDatabase;
  beforeAll(async () => {
    database = await openArticlesTestDatabase();
  }, DATABASE_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await database.close();
  }, DATABASE_HOOK_TIMEOUT_MS);
  beforeEach(async () => {
    await clearArticles(database);
  });
  const articlesTestContext = (overrides: Omit<Parameters<typeof articlesTestContextOn>[0], "database"> = {}) =>
    articlesTestContextOn({ database, ...overrides });

  it("production and dev-seed bind the same tokens (the two files cannot drift)", async () => {
    const production = bindProductionArticles(articlesTestContext().ctx);
    const devSeed = await bindDevSeedArticles(articlesTestContext().ctx);
    expect(devSeed.container.boundTokens()).toEqual(production.container.boundTokens());
    expect(production.container.boundTokens()).toEqual(Object.values(ArticlesSymbols).map((t) => t.description));
    await production.close?.();
    await devSeed.close?.();
  });

  it("names the module articles, keeps articles in ctx.database (not Redis), and registers articles.feed outbound only", async () => {
    const { ctx } = articlesTestContext();
    const module = bindProductionArticles(ctx);
    expect(module.name).toBe("articles");
    expect(module.container.get(ArticlesSymbols.articleRepository)).toBeInstanceOf(SqlArticleRepository);
    expect(ctx.realtimeRegistry.resolve("articles.feed")).toMatchObject({ kind: "match", descriptor: articlesFeedChannel });
    expect(ctx.realtimeRegistry.getInboundDescriptor(articlesFeedChannel.name)).toBeUndefined();
    await module.close?.();
  });

  it("fans article.published out to the search index, the notify job and (through the bridge) articles.feed", async () => {
    const { ctx, bus, realtime, queue } = articlesTestContext();
    const module = bindProductionArticles(ctx);
    const { id } = await module.container.get(ArticlesSymbols.publishArticle)({ title: "Fan out", body: "three consumers", authorId: "bob" });
    await queue.drain();

    bus.expectPublished(articlePublished, { id, authorId: "bob" });
    expect(await module.container.get(ArticlesSymbols.searchIndex).search("consumers", 10)).toEqual([id]);
    bus.expectPublished(jobEnqueued, { job: "article.notify-subscribers" });
    bus.expectPublished(jobCompleted, { job: "article.notify-subscribers" });
    const broadcast = realtime.expectBroadcast(articlesFeedChannel, {}, { id, title: "Fan out", excerpt: "three consumers", authorId: "bob" });
    expect(broadcast.payload).not.toHaveProperty("body");
    await module.close?.();
  });

  it("a failing consumer does not stop the others: the feed still gets the article", async () => {
    const { ctx, realtime } = articlesTestContext();
    const module = bindProductionArticles(ctx);
    const index = module.container.get(ArticlesSymbols.searchIndex);
    index.add = () => Promise.reject(new Error("index down"));
    const { id } = await module.container.get(ArticlesSymbols.publishArticle)({ title: "Still live", body: "b", authorId: "alice" });
    realtime.expectBroadcast(articlesFeedChannel, {}, { id });
    await module.close?.();
  });

  it("close() stops the bus consumers; a publish after it still stores the article with its feed item (one unit of work)", async () => {
    const { ctx, bus, realtime, queue } = articlesTestContext();
    const module = bindProductionArticles(ctx);
    await module.close?.();
    const { id } = await module.container.get(ArticlesSymbols.publishArticle)({ title: "After close", body: "b", authorId: "alice" });
    await queue.drain();
    expect(realtime.broadcastsOn(articlesFeedChannel, {})).toEqual([expect.objectContaining({ payload: expect.objectContaining({ id }) as unknown })]);
    bus.expectNotPublished(jobEnqueued);
  });

  it("production starts empty; dev-seed lists the seed articles newest first, searchable, and on the feed", async () => {
    const production = bindProductionArticles(articlesTestContext().ctx);
    expect(await production.container.get(ArticlesSymbols.listArticles)({ limit: 20 })).toEqual([]);

    const { ctx, realtime } = articlesTestContext();
    const devSeed = await bindDevSeedArticles(ctx);
    const listed = await devSeed.container.get(ArticlesSymbols.listArticles)({ limit: 20 });
    expect(listed.map((a) => a.id)).toEqual(DEV_SEED_ARTICLES.map((a) => a.id).reverse());
    expect((await devSeed.container.get(ArticlesSymbols.searchArticles)({ q: "bridge" })).map((a) => a.id)).toContain("seed-bridge");
    expect(realtime.broadcastsOn(articlesFeedChannel, {})).toHaveLength(DEV_SEED_ARTICLES.length);
    await production.close?.();
    await devSeed.close?.();
  });

  it("seeds idempotently: a restart on the same database stores and publishes nothing again, and keeps later articles", async () => {
    const first = await bindDevSeedArticles(articlesTestContext().ctx);
    await first.container.get(ArticlesSymbols.publishArticle)({ id: "after-seed", title: "Mine", body: "kept", authorId: "bob", publishedAt: Date.now() });
    const before = await first.container.get(ArticlesSymbols.listArticles)({ limit: 20 });
    await first.close?.();

    const realtime = new RecordingRealtimeBroadcaster();
    const { ctx, bus } = articlesTestContext({ realtime });
    const restarted = await bindDevSeedArticles(ctx);
    const after = await restarted.container.get(ArticlesSymbols.listArticles)({ limit: 20 });
    expect(after).toEqual(before);
    expect(after.map((a) => a.id)).toEqual(["after-seed", ...DEV_SEED_ARTICLES.map((a) => a.id).reverse()]);
    bus.expectNotPublished(articlePublished);
    expect(realtime.broadcasts).toEqual([]);
    // The search index of the restarted instance loads what the database holds.
    expect(await restarted.container.get(ArticlesSymbols.searchArticles)({ q: "kept" })).toEqual([expect.objectContaining({ id: "after-seed" })]);
    await restarted.close?.();
  });
});
