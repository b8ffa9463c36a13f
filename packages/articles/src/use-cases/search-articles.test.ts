import { describe, expect, it } from "vitest";
import { InMemoryArticleRepository } from "../repositories/in-memory-article-repository";
import { InMemoryArticleSearchIndex } from "../search/in-memory-article-search-index";
import { searchArticlesUseCase } from "./search-articles";

async function setup() {
  const articles = new InMemoryArticleRepository();
  const index = new InMemoryArticleSearchIndex();
  const add = async (id: string, title: string, body: string, publishedAt: number) => {
    await articles.save({ id, title, body, authorId: "bob", publishedAt });
    await index.add({ id, title, body, publishedAt });
  };
  await add("rooms", "Socket rooms", "How rooms fan out", 1);
  await add("tick", "Ping tick", "One tick per second, per room", 2);
  return { articles, index, search: searchArticlesUseCase({ index, articles }) };
}

describe("searchArticles", () => {
  it("answers the stored summaries of the index hits, best first", async () => {
    const { search } = await setup();
    expect((await search({ q: "room" })).map((a) => [a.id, a.title])).toEqual([
      ["rooms", "Socket rooms"],
      ["tick", "Ping tick"],
    ]);
    expect(await search({ q: "room", limit: 1 })).toEqual([
      { id: "rooms", title: "Socket rooms", excerpt: "How rooms fan out", authorId: "bob", publishedAt: 1 },
    ]);
  });

  it("answers nothing when no article has every word", async () => {
    const { search } = await setup();
    expect(await search({ q: "socket tick" })).toEqual([]);
  });

  it("leaves out a hit the repository no longer has", async () => {
    const { index, search } = await setup();
    await index.add({ id: "ghost", title: "Room ghost", body: "", publishedAt: 3 });
    expect((await search({ q: "room" })).map((a) => a.id)).toEqual(["rooms", "tick"]);
  });
});
