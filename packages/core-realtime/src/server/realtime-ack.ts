import type { RealtimeErrorBody, RealtimeErrorCode } from "../protocol/errors";
import type { ErrorAck } from "../protocol/wire-protocol";

/**
 * The `{ ok: false, error }` ack every gate answers a refused frame with.
 *
 * @example
 * return errorAck("UNKNOWN_CHANNEL", `No channel named "${name}"`);
 */
export function errorAck(code: RealtimeErrorCode, message: string, retryAfterMs?: number): ErrorAck {
  return { ok: false, error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs } };
}

/** Wraps an error body (e.g. from `toRealtimeErrorBody`) as an ack. */
export function errorAckFrom(error: RealtimeErrorBody): ErrorAck {
  return { ok: false, error };
}

/** A short, client-safe description of a zod failure: the paths that failed, never the schema internals. */
export function describeIssuePaths(issues: readonly { readonly path: readonly PropertyKey[] }[]): string {
  const paths = [...new Set(issues.map((issue) => (issue.path.length === 0 ? "(root)" : issue.path.map(String).join("."))))];
  const shown = paths.slice(0, 5).join(", ");
  return paths.length > 5 ? `${shown} and ${paths.length - 5} more` : shown;
}
