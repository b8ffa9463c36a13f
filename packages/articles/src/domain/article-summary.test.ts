import { describe, expect, it } from "vitest";
import { EXCERPT_LENGTH, excerptOf, toArticleSummary } from "./article-summary";

describe("excerptOf", () => {
  it("keeps a short body whole, whitespace collapsed", () => {
    expect(excerptOf("  Hello \n\n  world  ")).toBe("Hello world");
  });

  it("cuts a long body at a word boundary, within the limit, with an ellipsis", () => {
    const body = "word ".repeat(200);
    const excerpt = excerptOf(body);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH);
    expect(excerpt.endsWith("word…")).toBe(true);
  });

  it("cuts mid-word when the body has no space near the limit", () => {
    const excerpt = excerptOf("x".repeat(1_000));
    expect(excerpt).toBe(`${"x".repeat(EXCERPT_LENGTH - 1)}…`);
  });
});

describe("toArticleSummary", () => {
  it("keeps id, title, author and date, and replaces the body with its excerpt", () => {
    const summary = toArticleSummary({ id: "a1", title: "T", body: "B ".repeat(500), authorId: "alice", publishedAt: 7 });
    const { excerpt, ...rest } = summary;
    expect(rest).toEqual({ id: "a1", title: "T", authorId: "alice", publishedAt: 7 });
    expect(excerpt).toMatch(/^B B .*…$/);
    expect(summary).not.toHaveProperty("body");
  });
});
