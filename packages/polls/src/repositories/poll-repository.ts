import type { Poll, PollStatus } from "../domain/poll";
import type { PollCursor } from "../domain/poll-cursor";

export class PollAlreadyExistsError extends Error {
  override readonly name = "PollAlreadyExistsError";
  readonly code = "POLL_ALREADY_EXISTS";
}

/** The creator already holds the most drafts allowed (`create`'s `maxDrafts`); nothing was stored. */
export class DraftQuotaExceededError extends Error {
  override readonly name = "DraftQuotaExceededError";
  readonly code = "DRAFT_QUOTA_EXCEEDED";
}

export interface PollTransition {
  /** False when the poll's status was not one of `from` (nothing was written). */
  readonly changed: boolean;
  /** The poll as it is after the call. */
  readonly poll: Poll;
}

/** One page of the polls a viewer may see (`IPollRepository.listVisible`). */
export interface VisiblePollsQuery {
  readonly viewerId: string;
  /** Admins see every draft; everyone else only their own. */
  readonly allDrafts: boolean;
  readonly limit: number;
  /** Only polls after this one in list order (the last row of the previous page). */
  readonly after?: PollCursor;
}

/** Where poll definitions and their status live. Votes live in `IVoteRepository`. */
export interface IPollRepository {
  /**
   * Stores a new poll; throws `PollAlreadyExistsError` when the id is taken.
   * With `maxDrafts`, a draft is stored only while its creator has fewer
   * drafts than that, checked and stored atomically (concurrent creates by one
   * user, on any instance, cannot overshoot); else `DraftQuotaExceededError`.
   */
  create(poll: Poll, options?: { readonly maxDrafts?: number }): Promise<void>;
  get(id: string): Promise<Poll | null>;
  /** Newest first (`createdAt`, then id, descending), at most `limit`. */
  list(limit: number): Promise<Poll[]>;
  /**
   * Newest first, at most `limit`, of the polls the viewer may see (open and
   * closed ones, their own drafts, every draft for an admin), filtered by the
   * store itself: other users' drafts never take a place on the page.
   */
  listVisible(query: VisiblePollsQuery): Promise<Poll[]>;
  /**
   * Sets the status to `to` only when it is currently one of `from`, atomically
   * (two instances closing and opening at once cannot both win). `null` for an unknown poll.
   */
  transition(id: string, from: readonly PollStatus[], to: PollStatus): Promise<PollTransition | null>;
}
