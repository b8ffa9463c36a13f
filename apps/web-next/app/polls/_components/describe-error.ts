import { TRPCClientError } from "@trpc/client";

/**
 * A short line for a failed tRPC call: the poll code when the server put one
 * first in the message (`POLL_CLOSED: ...`), else the tRPC code, plus the message.
 *
 * @example
 * setError(describeError(caught)); // "FORBIDDEN: NOT_POLL_MANAGER: Only the poll's creator or an admin ..."
 */
export function describeError(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return error instanceof Error ? error.message : String(error);
  const data: unknown = error.data;
  const code = typeof data === "object" && data !== null && "code" in data && typeof data.code === "string" ? data.code : "ERROR";
  return `${code}: ${error.message}`;
}
