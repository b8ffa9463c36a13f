/**
 * The anchor comments generators insert code above (AGENTS.md "Anchors"). Each is a whole line;
 * `packages/core-eslint/src/feature-anchors.repo.test.ts` keeps them in every feature and in the
 * feature template.
 */
export const ANCHORS = {
  exports: "// @anchor:exports",
  realtimeChannels: "// @anchor:realtime-channels",
  symbols: "// @anchor:symbols",
  realtimeSymbols: "// @anchor:realtime-symbols",
  bindings: "// @anchor:bindings",
  realtimeHandlers: "// @anchor:realtime-handlers",
  features: "// @anchor:features",
  featureMigrations: "// @anchor:feature-migrations",
} as const;

/** One of the anchor lines. */
export type Anchor = (typeof ANCHORS)[keyof typeof ANCHORS];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Matches the anchor as a line of its own and captures its indentation as `$1`.
 *
 * @example
 * anchorPattern(ANCHORS.features).test("    // @anchor:features"); // true
 */
function anchorPattern(anchor: Anchor): RegExp {
  return new RegExp(`^([ \\t]*)${escapeRegExp(anchor)}[ \\t]*$`, "m");
}

/**
 * Whether `source` still has the anchor as a line of its own.
 *
 * @example
 * hasAnchor("export {};\n// @anchor:exports\n", ANCHORS.exports); // true
 */
export function hasAnchor(source: string, anchor: Anchor): boolean {
  return anchorPattern(anchor).test(source);
}

/** A plop `modify` pattern and replacement that put `lines` just above `anchor`, at its indentation. */
export interface AboveAnchorEdit {
  readonly pattern: RegExp;
  readonly template: string;
}

/**
 * The plop `modify` edit that inserts `lines` (handlebars templates) above `anchor`, each indented
 * like the anchor, and keeps the anchor so the next generator run finds it again.
 *
 * @example
 * const edit = aboveAnchor(ANCHORS.features, ["{{name}}: await bind(),"]);
 * // { type: "modify", path: "apps/web-next/src/bind-all.ts", ...edit }
 */
export function aboveAnchor(anchor: Anchor, lines: readonly string[]): AboveAnchorEdit {
  // `$1` is the anchor's indentation captured by the pattern (String.prototype.replace syntax).
  const inserted = lines.map((line) => (line === "" ? "" : `$1${line}`)).join("\n");
  return { pattern: anchorPattern(anchor), template: `${inserted}\n$1${anchor}` };
}
