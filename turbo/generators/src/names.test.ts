import { describe, expect, it } from "vitest";
import { camelCaseName, constantCaseName, nameProblem, pascalCaseName, propertyKey, snakeCaseName } from "./names";

describe("nameProblem", () => {
  it.each(["a", "polls", "live-scores", "feed-v2", "a1-b2-c3"])("accepts %j", (name) => {
    expect(nameProblem("feature name", name)).toBeNull();
  });

  it.each([
    { name: "", message: "feature name is required" },
    { name: undefined, message: "feature name is required" },
    { name: 42, message: "feature name is required" },
    { name: "live scores", message: 'feature name "live scores" contains whitespace' },
    { name: " polls", message: "contains whitespace" },
    { name: "Polls", message: 'feature name "Polls" contains upper-case letters' },
    { name: "liveScores", message: "contains upper-case letters" },
    { name: "a/b", message: "contains a path separator" },
    { name: "..\\b", message: "contains a path separator" },
    { name: "a.b", message: "contains a dot" },
    { name: "..", message: "contains a dot" },
    { name: "1polls", message: "starts with a digit" },
    { name: "polls_x", message: "may hold only a-z, 0-9 and single hyphens" },
    { name: "polls-", message: "may hold only a-z, 0-9 and single hyphens" },
    { name: "-polls", message: "may hold only a-z, 0-9 and single hyphens" },
    { name: "live--scores", message: "may hold only a-z, 0-9 and single hyphens" },
    { name: "a".repeat(41), message: "is longer than 40 characters" },
  ])("refuses $name: $message", ({ name, message }) => {
    expect(nameProblem("feature name", name)).toContain(message);
  });
});

describe("case conversions", () => {
  it.each([
    { name: "polls", camel: "polls", pascal: "Polls", constant: "POLLS", snake: "polls", key: "polls" },
    { name: "live-scores", camel: "liveScores", pascal: "LiveScores", constant: "LIVE_SCORES", snake: "live_scores", key: '"live-scores"' },
    { name: "feed-v2", camel: "feedV2", pascal: "FeedV2", constant: "FEED_V2", snake: "feed_v2", key: '"feed-v2"' },
    { name: "a-1b", camel: "a1b", pascal: "A1b", constant: "A_1B", snake: "a_1b", key: '"a-1b"' },
  ])("$name -> $camel, $pascal, $constant, $snake, $key", ({ name, camel, pascal, constant, snake, key }) => {
    expect(camelCaseName(name)).toBe(camel);
    expect(pascalCaseName(name)).toBe(pascal);
    expect(constantCaseName(name)).toBe(constant);
    expect(snakeCaseName(name)).toBe(snake);
    expect(propertyKey(name)).toBe(key);
  });
});
