import { describe, expect, it } from "vitest";
import { ACTIVITY_DETAIL_MAX_FIELDS, ACTIVITY_DETAIL_MAX_LENGTH, toActivityEntry, ZActivityEntry } from "./activity-entry";

const meta = { id: "pub-1", publishedAt: 1_000 };

describe("toActivityEntry", () => {
  it.each([
    {
      case: "an article keeps its ids and time, never its title or body",
      name: "article.published",
      payload: { id: "a1", title: "Secret plans", body: "long text", authorId: "alice", publishedAt: 900 },
      detail: { id: "a1", authorId: "alice", publishedAt: 900 },
      kind: "event",
    },
    {
      case: "a failed job keeps its name, error message and retry flag",
      name: "job:failed",
      payload: { job: "notify-subscribers", id: "j1", attempt: 2, durationMs: 4, error: "smtp down", willRetry: true },
      detail: { job: "notify-subscribers", id: "j1", attempt: 2, durationMs: 4, error: "smtp down", willRetry: true },
      kind: "job",
    },
    {
      case: "free-text fields and nested objects are dropped",
      name: "poll:created",
      payload: { pollId: "p1", question: "Lunch?", options: ["soup"], nested: { userId: "x" } },
      detail: { pollId: "p1" },
      kind: "event",
    },
    { case: "a non-object payload has no detail", name: "tick", payload: "hello", detail: {}, kind: "event" },
  ])("$case", ({ name, payload, detail, kind }) => {
    const entry = toActivityEntry(name, payload, meta);
    expect(entry).toEqual({ id: "pub-1", name, kind, at: 1_000, detail });
    expect(ZActivityEntry.parse(entry)).toEqual(entry);
  });

  it("truncates long strings and bounds the number of fields", () => {
    const payload = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`field${i}Id`, "x".repeat(500)]));
    const entry = toActivityEntry("big", payload, meta);
    expect(Object.keys(entry.detail)).toHaveLength(ACTIVITY_DETAIL_MAX_FIELDS);
    for (const value of Object.values(entry.detail)) expect(value).toHaveLength(ACTIVITY_DETAIL_MAX_LENGTH);
  });

  it("drops non-finite numbers", () => {
    expect(toActivityEntry("x", { count: Number.NaN, total: Number.POSITIVE_INFINITY, ok: 3 }, meta).detail).toEqual({ ok: 3 });
  });
});
