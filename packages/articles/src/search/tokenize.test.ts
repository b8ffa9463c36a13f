import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize";

describe("tokenize", () => {
  it.each([
    { text: "Hello, World!", words: ["hello", "world"] },
    { text: "Café crème brûlée", words: ["cafe", "creme", "brulee"] },
    { text: "socket.io v4.8 — 2026", words: ["socket", "io", "v4", "8", "2026"] },
    { text: "Ünïcödé ÆSIR σίγμα", words: ["unicode", "æsir", "σιγμα"] },
    { text: "   ", words: [] },
  ])("splits $text into words", ({ text, words }) => {
    expect(tokenize(text)).toEqual(words);
  });
});
