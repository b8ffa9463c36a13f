import { createCallerFactory } from "@repo/core-trpc";
import { inMemoryUnitOfWork, RecordingEventBus, RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { describe, expect, it } from "vitest";
import { articlePublished } from "../events/article-published.event";
import { InMemoryArticleRepository } from "../repositories/in-memory-article-repository";
import { InMemoryArticleSearchIndex } from "../search/in-memory-article-search-index";
import { listArticlesUseCase } from "../use-cases/list-articles";
import { publishArticleUseCase } from "../use-cases/publish-article";
import { searchArticlesUseCase } from "../use-cases/search-articles";
import { createArticlesRouter } from "./router";

function setup() {
  const articles = new InMemoryArticleRepository();
  const index = new InMemoryArticleSearchIndex();
  const bus = new RecordingEventBus();
  bus.subscribe(articlePublished, (a) => index.add(a));
  let clock = 1_000;
  const createCaller = createCallerFactory(
    createArticlesRouter({
      publishArticle: publishArticleUseCase({ work: inMemoryUnitOfWork({ articles }, new RecordingRealtimeBroadcaster()), bus, now: () => (clock += 1_000) }),
      listArticles: listArticlesUseCase({ articles }),
      searchArticles: searchArticlesUseCase({ index, articles }),
    }),
  );
  return {
    bus,
    alice: createCaller({ user: { userId: "alice", roles: ["admin"] }, requestId: "r1" }),
    anonymous: createCaller({ user: null, requestId: "r2" }),
  };
}

describe("articles router", () => {
  it("publish answers the new id and makes the signed-in user the author", async () => {
    const { alice, anonymous, bus } = setup();
    const { id } = await alice.publish({ title: "Hello", body: "First post" });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    bus.expectPublished(articlePublished, { id, authorId: "alice" });
    expect(await anonymous.list()).toEqual([expect.objectContaining({ id, title: "Hello", excerpt: "First post", authorId: "alice" })]);
  });

  it("publish refuses anonymous callers with UNAUTHORIZED", async () => {
    const { anonymous, bus } = setup();
    await expect(anonymous.publish({ title: "Hello", body: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    bus.expectNotPublished(articlePublished);
  });

  it("publish refuses an empty title with BAD_REQUEST", async () => {
    const { alice } = setup();
    await expect(alice.publish({ title: "  ", body: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("list is public and newest first; search is public and matches every word", async () => {
    const { alice, anonymous } = setup();
    await alice.publish({ title: "Older", body: "socket rooms" });
    await alice.publish({ title: "Newer", body: "ping tick" });
    expect((await anonymous.list()).map((a) => a.title)).toEqual(["Newer", "Older"]);
    expect((await anonymous.list({ limit: 1 })).map((a) => a.title)).toEqual(["Newer"]);
    expect((await anonymous.search({ q: "sock room" })).map((a) => a.title)).toEqual(["Older"]);
    await expect(anonymous.search({ q: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
