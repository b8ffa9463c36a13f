import { describe, expect, it } from "vitest";
import type { SearchDocument } from "./article-search-index";
import { InMemoryArticleSearchIndex } from "./in-memory-article-search-index";

const doc = (id: string, title: string, body: string, publishedAt = 0): SearchDocument => ({ id, title, body, publishedAt });

async function indexWith(...documents: SearchDocument[]): Promise<InMemoryArticleSearchIndex> {
  const index = new InMemoryArticleSearchIndex();
  for (const document of documents) await index.add(document);
  return index;
}

describe("InMemoryArticleSearchIndex", () => {
  it("finds documents containing every query word, case and accents aside", async () => {
    const index = await indexWith(doc("a", "Realtime rooms", "Socket.IO joins rooms"), doc("b", "Rooms", "for rent"), doc("c", "Café", "crème"));
    expect(await index.search("ROOMS socket", 10)).toEqual(["a"]);
    expect(await index.search("cafe CREME", 10)).toEqual(["c"]);
    expect(await index.search("rooms nothing-like-this", 10)).toEqual([]);
  });

  it("matches a query word as a prefix of indexed words", async () => {
    const index = await indexWith(doc("a", "Realtime", "x"), doc("b", "Really", "y"), doc("c", "Surreal", "z"));
    expect((await index.search("real", 10)).sort()).toEqual(["a", "b"]);
  });

  it("ranks title hits above body hits, then newer first, and honours the limit", async () => {
    const index = await indexWith(
      doc("body-old", "Other", "bridge", 1),
      doc("title", "Bridge", "other", 2),
      doc("body-new", "Other", "bridge", 3),
    );
    expect(await index.search("bridge", 10)).toEqual(["title", "body-new", "body-old"]);
    expect(await index.search("bridge", 1)).toEqual(["title"]);
  });

  it("replaces a re-indexed document: old words no longer find it", async () => {
    const index = await indexWith(doc("a", "Draft title", "old words"));
    await index.add(doc("a", "Final title", "new words"));
    expect(await index.search("old", 10)).toEqual([]);
    expect(await index.search("draft", 10)).toEqual([]);
    expect(await index.search("final new", 10)).toEqual(["a"]);
  });

  it("answers nothing for an empty or punctuation-only query", async () => {
    const index = await indexWith(doc("a", "Anything", "at all"));
    expect(await index.search("", 10)).toEqual([]);
    expect(await index.search(" ?! ", 10)).toEqual([]);
  });

  it("loads stored documents once, before the first search or add, and lets a later add win", async () => {
    let loads = 0;
    const index = new InMemoryArticleSearchIndex({
      load: async () => {
        loads += 1;
        return [doc("stored", "Stored before restart", "old body")];
      },
    });
    await index.add(doc("stored", "Stored and edited", "new body"));
    expect(await index.search("restart", 10)).toEqual([]);
    expect(await index.search("edited", 10)).toEqual(["stored"]);
    await index.search("anything", 10);
    expect(loads).toBe(1);
  });

  it("retries a failed load on the next call instead of staying empty", async () => {
    let attempts = 0;
    const index = new InMemoryArticleSearchIndex({
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("store down");
        return [doc("stored", "Recovered", "body")];
      },
    });
    await expect(index.search("recovered", 10)).rejects.toThrow("store down");
    expect(await index.search("recovered", 10)).toEqual(["stored"]);
  });
});
