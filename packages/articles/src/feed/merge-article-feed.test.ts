import { describe, expect, it } from "vitest";
import type { TArticleSummary } from "../domain/article-summary";
import { FEED_MAX_ITEMS, mergeArticleFeed } from "./merge-article-feed";

function summary(id: string, publishedAt: number, title = `Title ${id}`): TArticleSummary {
  return { id, title, excerpt: `About ${id}`, authorId: "alice", publishedAt };
}

const ids = (feed: readonly TArticleSummary[]) => feed.map((a) => a.id);

describe("mergeArticleFeed", () => {
  it("puts a live item above the snapshot, newest first, the id breaking ties", () => {
    const snapshot = mergeArticleFeed([], [summary("a", 1), summary("c", 3), summary("b", 3)]);
    expect(ids(snapshot)).toEqual(["c", "b", "a"]);
    expect(ids(mergeArticleFeed(snapshot, [summary("new", 10)]))).toEqual(["new", "c", "b", "a"]);
  });

  it("shows an article once when it arrives from both the snapshot and the channel, in either order", () => {
    const live = summary("x", 5);
    const liveFirst = mergeArticleFeed(mergeArticleFeed([], [live]), [summary("old", 1), live]);
    const snapshotFirst = mergeArticleFeed(mergeArticleFeed([], [summary("old", 1), live]), [live]);
    expect(ids(liveFirst)).toEqual(["x", "old"]);
    expect(snapshotFirst).toEqual(liveFirst);
  });

  it("returns the same array when nothing changed (a replayed item), so no re-render", () => {
    const feed = mergeArticleFeed([], [summary("a", 1)]);
    expect(mergeArticleFeed(feed, [summary("a", 1)])).toBe(feed);
    expect(mergeArticleFeed(feed, [])).toBe(feed);
  });

  it("takes the newer version of an article saved again under its id", () => {
    const feed = mergeArticleFeed([], [summary("a", 1, "First")]);
    expect(mergeArticleFeed(feed, [summary("a", 1, "Edited")]).map((a) => a.title)).toEqual(["Edited"]);
  });

  it(`keeps the newest ${FEED_MAX_ITEMS} by default, or the given limit`, () => {
    const many = Array.from({ length: FEED_MAX_ITEMS + 5 }, (_, i) => summary(`a${i}`, i));
    const feed = mergeArticleFeed([], many);
    expect(feed).toHaveLength(FEED_MAX_ITEMS);
    expect(feed[0]?.id).toBe(`a${FEED_MAX_ITEMS + 4}`);
    expect(ids(mergeArticleFeed([], many, 2))).toEqual([`a${FEED_MAX_ITEMS + 4}`, `a${FEED_MAX_ITEMS + 3}`]);
  });
});
