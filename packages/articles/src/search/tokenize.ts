/**
 * Lower-case words of a text, accents folded (`Café` -> `cafe`), split on
 * anything that is not a letter or a digit. The index and the query use the
 * same function, so they always agree on what a word is.
 *
 * @example
 * tokenize("Hello, Wörld! 2026"); // ["hello", "world", "2026"]
 */
export function tokenize(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
