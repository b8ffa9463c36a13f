import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { PollRefusal, PollRefusalCode } from "../domain/poll-refusal";

const TRPC_CODE: Record<PollRefusalCode, TRPC_ERROR_CODE_KEY> = {
  UNKNOWN_POLL: "NOT_FOUND",
  UNKNOWN_OPTION: "BAD_REQUEST",
  POLL_NOT_OPEN: "CONFLICT",
  POLL_CLOSED: "CONFLICT",
  ALREADY_VOTED: "CONFLICT",
  NOT_POLL_MANAGER: "FORBIDDEN",
  // 403, not 429: waiting does not help; opening one of the drafts does.
  DRAFT_QUOTA_EXCEEDED: "FORBIDDEN",
};

/**
 * A refusal as a tRPC error: the HTTP-ish code by kind, and the poll code
 * first in the message so clients can tell `POLL_CLOSED` from `ALREADY_VOTED`.
 *
 * @example
 * if (!result.ok) throw refusalToTrpcError(result); // TRPCError { code: "FORBIDDEN", message: "NOT_POLL_MANAGER: ..." }
 */
export function refusalToTrpcError(refusal: PollRefusal): TRPCError {
  return new TRPCError({ code: TRPC_CODE[refusal.code], message: `${refusal.code}: ${refusal.message}` });
}
