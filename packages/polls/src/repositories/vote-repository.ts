export type CastVoteOutcome =
  | { readonly accepted: true; readonly counts: ReadonlyMap<string, number> }
  /** The user had already voted: nothing changed; `votedFor` is their earlier choice. */
  | { readonly accepted: false; readonly votedFor: string; readonly counts: ReadonlyMap<string, number> };

/**
 * Where votes and tallies live. `cast` is the one-vote-per-user guarantee: it
 * must be atomic (no interleaving lets a user's second vote count, on any
 * instance). It trusts its caller to have checked the poll and the option.
 */
export interface IVoteRepository {
  /** Records `userId`'s vote for `optionId` unless they already voted on `pollId`; answers the counts after. */
  cast(pollId: string, userId: string, optionId: string): Promise<CastVoteOutcome>;
  /** Votes per option id (options nobody chose are absent). */
  counts(pollId: string): Promise<ReadonlyMap<string, number>>;
  /** The option `userId` voted for, or `null`. */
  voteOf(pollId: string, userId: string): Promise<string | null>;
}
