/**
 * `JSON.parse` for values read back from Redis: anything that is not JSON
 * answers `undefined` (then rejected by the caller's zod parse), because a
 * value this package did not write is not data, not a crash.
 *
 * @example
 * ZStoredPoll.safeParse(parseStoredJson(raw));
 */
export function parseStoredJson(raw: string | null | undefined): unknown {
  if (raw === null || raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
