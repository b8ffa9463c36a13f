import { inMemoryUnitOfWork, RecordingEventBus, RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { articlePublished } from "../events/article-published.event";
import { articlesFeedChannel } from "../realtime/articles-feed.channel";
import { InMemoryArticleRepository } from "../repositories/in-memory-article-repository";
import { publishArticleUseCase } from "./publish-article";

function setup() {
  const articles = new InMemoryArticleRepository();
  const bus = new RecordingEventBus();
  const realtime = new RecordingRealtimeBroadcaster();
  const publishArticle = publishArticleUseCase({ work: inMemoryUnitOfWork({ articles }, realtime), bus, newId: () => "generated-1", now: () => 42_000 });
  return { articles, bus, realtime, publishArticle };
}

describe("publishArticle", () => {
  it("stores the article with its feed item (a summary, in the same unit of work), then publishes article.published with it", async () => {
    const { articles, bus, realtime, publishArticle } = setup();
    expect(await publishArticle({ title: "  Hello  ", body: " First post ", authorId: "alice" })).toEqual({ id: "generated-1" });
    const stored = { id: "generated-1", title: "Hello", body: "First post", authorId: "alice", publishedAt: 42_000 };
    expect(await articles.findById("generated-1")).toEqual(stored);
    const item = realtime.expectBroadcast(articlesFeedChannel, {}, { id: "generated-1", title: "Hello", excerpt: "First post", authorId: "alice", publishedAt: 42_000 });
    expect(item.payload).not.toHaveProperty("body");
    expect(realtime.broadcasts).toHaveLength(1);
    bus.expectPublished(articlePublished, stored);
    expect(bus.published).toHaveLength(1);
  });

  it("broadcasts and publishes nothing when the save fails (the unit of work did not commit)", async () => {
    const { articles, bus, realtime } = setup();
    const failing = Object.assign(Object.create(articles) as InMemoryArticleRepository, { save: () => Promise.reject(new Error("disk full")) });
    const publishArticle = publishArticleUseCase({ work: inMemoryUnitOfWork({ articles: failing }, realtime), bus });
    await expect(publishArticle({ title: "t", body: "b", authorId: "alice" })).rejects.toThrow("disk full");
    realtime.expectNoBroadcast();
    bus.expectNotPublished(articlePublished);
  });

  it("keeps a given id and date (seed data)", async () => {
    const { bus, publishArticle } = setup();
    await publishArticle({ id: "seed-1", title: "T", body: "B", authorId: "bob", publishedAt: 7 });
    bus.expectPublished(articlePublished, { id: "seed-1", publishedAt: 7, authorId: "bob" });
  });

  it.each([
    { case: "an empty title", input: { title: "   ", body: "b", authorId: "alice" } },
    { case: "an empty body", input: { title: "t", body: "", authorId: "alice" } },
    { case: "a title over 200 characters", input: { title: "t".repeat(201), body: "b", authorId: "alice" } },
    { case: "an id with a dot", input: { id: "a.b", title: "t", body: "b", authorId: "alice" } },
  ])("refuses $case, storing and publishing nothing", async ({ input }) => {
    const { articles, bus, realtime, publishArticle } = setup();
    await expect(publishArticle(input)).rejects.toBeInstanceOf(ZodError);
    expect(await articles.listNewestFirst(10)).toEqual([]);
    realtime.expectNoBroadcast();
    bus.expectNotPublished(articlePublished);
  });

  it("refuses an article without an author", async () => {
    const { bus, publishArticle } = setup();
    await expect(publishArticle({ title: "t", body: "b", authorId: " " })).rejects.toThrow("An article needs an author");
    bus.expectNotPublished(articlePublished);
  });
});
