/**
 * Why a poll operation was refused: stable codes that reach clients as the
 * realtime error ack's `code` (votes) or in a tRPC error's message (create/open/close).
 * - `UNKNOWN_POLL`: no such poll, or a draft the caller may not see
 * - `UNKNOWN_OPTION`: the poll has no option with that id
 * - `POLL_NOT_OPEN`: still a draft: not taking votes yet, and cannot be closed (open it first)
 * - `POLL_CLOSED`: closed for good (no more votes, cannot be reopened)
 * - `ALREADY_VOTED`: one vote per user per poll
 * - `NOT_POLL_MANAGER`: only the creator or an admin opens and closes
 * - `DRAFT_QUOTA_EXCEEDED`: the creator already has `MAX_DRAFTS_PER_USER` drafts; open one first
 */
export type PollRefusalCode =
  | "UNKNOWN_POLL"
  | "UNKNOWN_OPTION"
  | "POLL_NOT_OPEN"
  | "POLL_CLOSED"
  | "ALREADY_VOTED"
  | "NOT_POLL_MANAGER"
  | "DRAFT_QUOTA_EXCEEDED";

/**
 * An expected "no" (a second vote, a closed poll), returned as a value
 * rather than thrown: it is an outcome, not a failure, so the use case's
 * capture layer does not log it as an error.
 */
export interface PollRefusal {
  readonly ok: false;
  readonly code: PollRefusalCode;
  readonly message: string;
}

/**
 * @example
 * return refuse("POLL_CLOSED", "This poll is closed and takes no more votes");
 */
export function refuse(code: PollRefusalCode, message: string): PollRefusal {
  return { ok: false, code, message };
}
