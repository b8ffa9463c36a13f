import { expect } from "vitest";

/** A partial object/array to match (like `toMatchObject`), or a predicate. */
export type PayloadMatcher = ((payload: unknown) => boolean) | object | string | number | boolean | null;

/** True when `payload` satisfies `matcher`; `undefined` matches anything. */
export function matchesPayload(payload: unknown, matcher: PayloadMatcher | undefined): boolean {
  if (matcher === undefined) return true;
  if (typeof matcher === "function") return (matcher as (payload: unknown) => boolean)(payload);
  if (typeof matcher !== "object" || matcher === null) return Object.is(payload, matcher);
  if (typeof payload !== "object" || payload === null) return false;
  try {
    expect(payload).toMatchObject(matcher);
    return true;
  } catch {
    return false; // a mismatch is the answer, not an error: the caller reports what was recorded instead
  }
}

/** One line per recorded item, for failure messages that show what happened instead. */
export function describeRecorded(items: readonly { readonly label: string; readonly payload: unknown }[]): string {
  if (items.length === 0) return "  (nothing was recorded)";
  return items.map((item, i) => `  ${i + 1}. ${item.label} ${JSON.stringify(item.payload)}`).join("\n");
}
