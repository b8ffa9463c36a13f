import { describe, expect, it } from "vitest";
import type { Article } from "../domain/article";
import type { IArticleRepository } from "../repositories/article-repository";

function article(id: string, publishedAt: number, overrides: Partial<Article> = {}): Article {
  return { id, title: `Title ${id}`, body: `Body of ${id}`, authorId: "alice", publishedAt, ...overrides };
}

/**
 * The behaviour every `IArticleRepository` must have; run it once per implementation.
 *
 * @example
 * articleRepositoryContract("InMemoryArticleRepository", async () => new InMemoryArticleRepository());
 * articleRepositoryContract("SqlArticleRepository", async () => SqlArticleRepository.on(database()));
 */
export function articleRepositoryContract(name: string, createRepository: () => Promise<IArticleRepository>): void {
  describe(`${name} (IArticleRepository contract)`, () => {
    it("returns a saved article by id, and null for an id never saved", async () => {
      const repository = await createRepository();
      const saved = article("a1", 1_000);
      await repository.save(saved);
      expect(await repository.findById("a1")).toEqual(saved);
      expect(await repository.findById("missing")).toBeNull();
    });

    it("lists newest first, the id breaking ties, and honours the limit", async () => {
      const repository = await createRepository();
      await repository.save(article("old", 1_000));
      await repository.save(article("new", 3_000));
      await repository.save(article("mid-a", 2_000));
      await repository.save(article("mid-b", 2_000));
      expect((await repository.listNewestFirst(10)).map((a) => a.id)).toEqual(["new", "mid-b", "mid-a", "old"]);
      expect((await repository.listNewestFirst(2)).map((a) => a.id)).toEqual(["new", "mid-b"]);
      expect(await repository.listNewestFirst(0)).toEqual([]);
    });

    it("replaces an article saved again under the same id, listing it once", async () => {
      const repository = await createRepository();
      await repository.save(article("a1", 1_000));
      await repository.save(article("a1", 2_000, { title: "Edited" }));
      const listed = await repository.listNewestFirst(10);
      expect(listed).toEqual([article("a1", 2_000, { title: "Edited" })]);
    });

    it("finds several ids in the order asked, leaving unknown ones out", async () => {
      const repository = await createRepository();
      await repository.save(article("a1", 1_000));
      await repository.save(article("a2", 2_000));
      expect((await repository.findByIds(["a2", "nope", "a1"])).map((a) => a.id)).toEqual(["a2", "a1"]);
      expect(await repository.findByIds([])).toEqual([]);
    });

    it("keeps text and times exactly: unicode, quotes, newlines, and a publishedAt past 32 bits", async () => {
      const repository = await createRepository();
      const saved = article("exact", 4_102_444_800_000, { title: "Ünïcode \"quoted\" 'single' 🚀", body: "line 1\nline 2\t\\ % _ []{}" });
      await repository.save(saved);
      expect(await repository.findById("exact")).toEqual(saved);
      expect(await repository.listNewestFirst(1)).toEqual([saved]);
    });

    it("starts empty", async () => {
      const repository = await createRepository();
      expect(await repository.listNewestFirst(10)).toEqual([]);
    });
  });
}
