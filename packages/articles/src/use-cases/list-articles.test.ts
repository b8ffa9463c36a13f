import { describe, expect, it } from "vitest";
import { InMemoryArticleRepository } from "../repositories/in-memory-article-repository";
import { listArticlesUseCase } from "./list-articles";

describe("listArticles", () => {
  it("answers summaries, newest first, at most limit", async () => {
    const articles = new InMemoryArticleRepository();
    for (const [id, publishedAt] of [["a", 1], ["b", 3], ["c", 2]] as const) {
      await articles.save({ id, title: id.toUpperCase(), body: `body ${id}`, authorId: "alice", publishedAt });
    }
    const listed = await listArticlesUseCase({ articles })({ limit: 2 });
    expect(listed).toEqual([
      { id: "b", title: "B", excerpt: "body b", authorId: "alice", publishedAt: 3 },
      { id: "c", title: "C", excerpt: "body c", authorId: "alice", publishedAt: 2 },
    ]);
  });
});
