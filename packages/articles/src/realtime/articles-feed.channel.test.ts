import { jobCompleted } from "@repo/core-events";
import type { FeatureModule } from "@repo/core-di";
import type { RealtimeUser } from "@repo/core-realtime";
import { createRealtimeClient, memoryPositionStore } from "@repo/core-realtime/client";
import { startChannelHarness } from "@repo/core-testing";
import type { ChannelHarness, RecordingEventBus } from "@repo/core-testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDatabase } from "@repo/core-database";
import { articlesTestContext, DATABASE_HOOK_TIMEOUT_MS, openArticlesTestDatabase } from "../__tests__/articles-test-kit";
import { bindProductionArticles } from "../bind-production";
import { ArticlesSymbols } from "../di/symbols";
import type { TArticleSummary } from "../domain/article-summary";
import type { PublishArticle } from "../use-cases/publish-article";
import type { ArticlesRouter } from "../trpc/router";
import { articlesFeedChannel } from "./articles-feed.channel";

const alice: RealtimeUser = { userId: "alice", roles: ["admin"] };
const bob: RealtimeUser = { userId: "bob", roles: [] };

/** Long enough for a stray message to arrive over loopback if the server were going to send one. */
const QUIET_MS = 250;
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

// The production bind file on a real Socket.IO server: use case -> unit of work (feed item) -> sockets; bus -> consumers.
describe("articles.feed over real sockets, fed by the production wiring", () => {
  let harness: ChannelHarness;
  let articles: FeatureModule<ArticlesRouter>;
  let bus: RecordingEventBus;
  let publish: PublishArticle;
  let database: AppDatabase;

  beforeAll(async () => {
    database = await openArticlesTestDatabase();
    // No channels passed: the bind file registers articles.feed itself, as in the app.
    harness = await startChannelHarness({ users: [alice, bob] });
    const kit = articlesTestContext({ database, realtime: harness.server.broadcaster, realtimeSources: harness.server.broadcaster.sources, realtimeRegistry: harness.registry });
    bus = kit.bus;
    articles = bindProductionArticles(kit.ctx);
    publish = articles.container.get(ArticlesSymbols.publishArticle);
  }, DATABASE_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await articles.close?.();
    await harness.close();
    await database.close();
  }, DATABASE_HOOK_TIMEOUT_MS);

  it.each([
    { who: "an anonymous visitor", user: null },
    { who: "bob (no roles)", user: bob },
    { who: "alice (admin)", user: alice },
  ])("subscribe: $who may read the public feed", async ({ user }) => {
    const client = await harness.connectAs(user);
    expect(await client.subscribe(articlesFeedChannel, {})).toEqual({ ok: true, channel: "articles.feed" });
    client.close();
  });

  it("a published article reaches every subscriber as a summary (never the body), and both durable consumers ran", async () => {
    const anonymous = await harness.connectAs(null);
    const reader = await harness.connectAs(bob);
    await anonymous.subscribe(articlesFeedChannel, {});
    await reader.subscribe(articlesFeedChannel, {});

    const body = `Rooms, acks and the bridge. ${"Long body text. ".repeat(40)}`;
    const { id } = await publish({ title: "Live from the bridge", body, authorId: "alice" });

    for (const client of [anonymous, reader]) {
      const [item] = await client.waitFor("articles.feed", 1);
      expect(item).toEqual({ id, title: "Live from the bridge", excerpt: expect.stringMatching(/^Rooms, acks and the bridge\./) as string, authorId: "alice", publishedAt: expect.any(Number) as number });
      expect(item).not.toHaveProperty("body");
      expect((item as TArticleSummary).excerpt.length).toBeLessThan(body.length);
    }
    // Consumer 1: the search index; consumer 2: the notify-subscribers job.
    await expect.poll(() => articles.container.get(ArticlesSymbols.searchIndex).search("bridge rooms", 10)).toEqual([id]);
    await expect.poll(() => bus.published.some((e) => e.name === jobCompleted.name && (e.payload as { job: string }).job === "article.notify-subscribers")).toBe(true);
    anonymous.close();
    reader.close();
  });

  it("an invalid article puts nothing on the feed", async () => {
    const client = await harness.connectAs(null);
    await client.subscribe(articlesFeedChannel, {});
    await expect(publish({ title: "   ", body: "no title", authorId: "bob" })).rejects.toThrow();
    await quiet();
    expect(client.received("articles.feed")).toEqual([]);
    client.close();
  });

  it("is outbound only: a client publishing onto the feed is refused and nothing arrives", async () => {
    const writer = await harness.connectAs(alice);
    const watcher = await harness.connectAs(null);
    await watcher.subscribe(articlesFeedChannel, {});
    // The channel has no inbound schema, so its inbound type is `never`: this is the raw frame a hostile client would send.
    const forged = { id: "forged", title: "Forged", excerpt: "", authorId: "alice", publishedAt: 1 } as never;
    expect(await writer.publish(articlesFeedChannel, {}, forged)).toMatchObject({ ok: false, error: { code: "NO_INBOUND_HANDLER" } });
    await quiet();
    expect(watcher.received("articles.feed")).toEqual([]);
    writer.close();
    watcher.close();
  });

  it("replays the articles a reader missed while disconnected (history)", async () => {
    const positions = memoryPositionStore();
    const connect = () => createRealtimeClient({ url: harness.url, transports: ["websocket"], positionStore: positions, gapTimeoutMs: 100 });
    const titles = (received: unknown[]) => received.map((item) => (item as TArticleSummary).title);

    const first = connect();
    const seen: unknown[] = [];
    await new Promise<void>((resolve) => {
      first.subscribe(articlesFeedChannel, {}, (item) => seen.push(item), { onSubscribed: resolve });
    });
    await publish({ title: "Seen live", body: "b", authorId: "alice" });
    await expect.poll(() => titles(seen)).toEqual(["Seen live"]);
    first.close();

    await publish({ title: "Missed one", body: "b", authorId: "bob" });
    await publish({ title: "Missed two", body: "b", authorId: "alice" });

    const second = connect();
    const replayed: unknown[] = [];
    let recovered: boolean | undefined;
    second.subscribe(articlesFeedChannel, {}, (item) => replayed.push(item), { onRecovered: (value) => (recovered = value) });
    await expect.poll(() => titles(replayed)).toEqual(["Missed one", "Missed two"]);
    expect(recovered).toBe(true);
    await quiet();
    expect(replayed).toHaveLength(2);
    second.close();
  });
});
