import { describe, expect, it } from "vitest";
import { aboveAnchor, ANCHORS, hasAnchor } from "./anchors";

const symbols = ["export const S = {", "  a: 1,", "  // @anchor:symbols", "  // @anchor:realtime-symbols", "} as const;", ""].join("\n");

describe("aboveAnchor", () => {
  it("inserts the lines above the anchor at its indentation and keeps the anchor", () => {
    const edit = aboveAnchor(ANCHORS.realtimeSymbols, ["b: 2,", "c: 3,"]);
    expect(symbols.replace(edit.pattern, edit.template)).toBe(
      ["export const S = {", "  a: 1,", "  // @anchor:symbols", "  b: 2,", "  c: 3,", "  // @anchor:realtime-symbols", "} as const;", ""].join("\n"),
    );
  });

  it("can run again on its own output (the anchor survives for the next generator)", () => {
    const first = aboveAnchor(ANCHORS.realtimeSymbols, ["b: 2,"]);
    const second = aboveAnchor(ANCHORS.realtimeSymbols, ["c: 3,"]);
    const twice = symbols.replace(first.pattern, first.template).replace(second.pattern, second.template);
    expect(twice).toContain("  b: 2,\n  c: 3,\n  // @anchor:realtime-symbols\n");
  });

  it("keeps blank lines blank instead of indenting them", () => {
    const edit = aboveAnchor(ANCHORS.realtimeSymbols, ["b: 2,", "", "c: 3,"]);
    expect(symbols.replace(edit.pattern, edit.template)).toContain("  b: 2,\n\n  c: 3,\n");
  });

  it("leaves a file without the anchor unchanged (the generators' guard refuses such files first)", () => {
    const edit = aboveAnchor(ANCHORS.features, ["x,"]);
    expect(symbols.replace(edit.pattern, edit.template)).toBe(symbols);
  });
});

describe("hasAnchor", () => {
  it.each([
    { source: "// @anchor:exports\n", expected: true },
    { source: "    // @anchor:exports   \n", expected: true },
    { source: "export {}; // @anchor:exports\n", expected: false },
    { source: "// @anchor:exports-old\n", expected: false },
    { source: "", expected: false },
  ])("$source -> $expected", ({ source, expected }) => {
    expect(hasAnchor(source, ANCHORS.exports)).toBe(expected);
  });
});
