import type { CastVoteOutcome, IVoteRepository } from "./vote-repository";

interface PollVotes {
  readonly byUser: Map<string, string>;
  readonly counts: Map<string, number>;
}

/**
 * Votes in memory, for a single instance. `cast` runs without an `await`
 * between the check and the write, which makes it atomic in one process.
 *
 * @example
 * const votes = new InMemoryVoteRepository();
 * await votes.cast("p1", "bob", "o1"); // { accepted: true, counts: Map { "o1" => 1 } }
 */
export class InMemoryVoteRepository implements IVoteRepository {
  readonly #polls = new Map<string, PollVotes>();

  async cast(pollId: string, userId: string, optionId: string): Promise<CastVoteOutcome> {
    const votes = this.#votes(pollId);
    const earlier = votes.byUser.get(userId);
    if (earlier !== undefined) return { accepted: false, votedFor: earlier, counts: new Map(votes.counts) };
    votes.byUser.set(userId, optionId);
    votes.counts.set(optionId, (votes.counts.get(optionId) ?? 0) + 1);
    return { accepted: true, counts: new Map(votes.counts) };
  }

  async counts(pollId: string): Promise<ReadonlyMap<string, number>> {
    return new Map(this.#polls.get(pollId)?.counts);
  }

  async voteOf(pollId: string, userId: string): Promise<string | null> {
    return this.#polls.get(pollId)?.byUser.get(userId) ?? null;
  }

  #votes(pollId: string): PollVotes {
    let votes = this.#polls.get(pollId);
    if (votes === undefined) {
      votes = { byUser: new Map(), counts: new Map() };
      this.#polls.set(pollId, votes);
    }
    return votes;
  }
}
