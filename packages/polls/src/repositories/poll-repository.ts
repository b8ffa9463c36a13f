import type { Poll, PollStatus } from "../domain/poll";

export class PollAlreadyExistsError extends Error {
  override readonly name = "PollAlreadyExistsError";
  readonly code = "POLL_ALREADY_EXISTS";
}

export interface PollTransition {
  /** False when the poll's status was not one of `from` (nothing was written). */
  readonly changed: boolean;
  /** The poll as it is after the call. */
  readonly poll: Poll;
}

/** Where poll definitions and their status live. Votes live in `IVoteRepository`. */
export interface IPollRepository {
  /** Stores a new poll; throws `PollAlreadyExistsError` when the id is taken. */
  create(poll: Poll): Promise<void>;
  get(id: string): Promise<Poll | null>;
  /** Newest first (`createdAt`, then id, descending), at most `limit`. */
  list(limit: number): Promise<Poll[]>;
  /**
   * Sets the status to `to` only when it is currently one of `from`, atomically
   * (two instances closing and opening at once cannot both win). `null` for an unknown poll.
   */
  transition(id: string, from: readonly PollStatus[], to: PollStatus): Promise<PollTransition | null>;
}
