import { RecordingEventBus } from "@repo/core-testing";
import { describe, expect, it } from "vitest";
import { InMemoryArticleSearchIndex } from "../../search/in-memory-article-search-index";
import { articlePublished } from "../article-published.event";
import { onArticlePublishedIndex } from "./on-article-published-index.handler";

describe("onArticlePublishedIndex", () => {
  it("makes a published article searchable by its title and body", async () => {
    const bus = new RecordingEventBus();
    const index = new InMemoryArticleSearchIndex();
    bus.subscribe(articlePublished, onArticlePublishedIndex({ index }));
    await bus.publish(articlePublished, { id: "a1", title: "Realtime bridge", body: "allowlist entries", authorId: "alice", publishedAt: 1 });
    expect(await index.search("bridge allow", 10)).toEqual(["a1"]);
  });
});
