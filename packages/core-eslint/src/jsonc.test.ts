import { describe, expect, it } from "vitest";

import { isRecord, parseJsonc, stringArray } from "./jsonc";

describe("parseJsonc", () => {
  it("drops line and block comments and trailing commas", () => {
    const text = `{
      // a line comment
      "a": [1, 2,], /* block */
      "b": { "c": "x", },
    }`;
    expect(parseJsonc(text)).toEqual({ a: [1, 2], b: { c: "x" } });
  });

  it("keeps comment-like text and escaped quotes inside strings", () => {
    expect(parseJsonc(String.raw`{ "url": "https://x/*y*/", "q": "say \"//hi\"" }`)).toEqual({
      url: "https://x/*y*/",
      q: 'say "//hi"',
    });
  });

  it("leaves commas inside strings alone", () => {
    expect(parseJsonc('{ "a": "x, }", }')).toEqual({ a: "x, }" });
  });

  it("throws on malformed input instead of guessing", () => {
    expect(() => parseJsonc("{ nope }")).toThrow();
  });
});

describe("guards", () => {
  it("isRecord accepts plain objects only", () => {
    expect([isRecord({}), isRecord([]), isRecord(null), isRecord("x")]).toEqual([true, false, false, false]);
  });

  it("stringArray keeps only strings", () => {
    expect(stringArray(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(stringArray("a")).toEqual([]);
  });
});
