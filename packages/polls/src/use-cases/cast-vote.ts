import type { IEventBus } from "@repo/core-events";
import { isPollVisibleTo, tallyOf } from "../domain/poll";
import type { PollActor, PollTally } from "../domain/poll";
import { refuse } from "../domain/poll-refusal";
import type { PollRefusal } from "../domain/poll-refusal";
import { voteAccepted } from "../events/vote-accepted.event";
import { pollChannel } from "../realtime/poll.channel";
import type { IPollRepository } from "../repositories/poll-repository";
import type { IVoteRepository } from "../repositories/vote-repository";
import type { PollsUnitOfWork } from "./polls-unit-of-work";

export interface CastVoteDeps {
  readonly polls: IPollRepository;
  readonly votes: IVoteRepository;
  /** The vote and its tally push in one transaction (ADR-021): a counted vote is always pushed, even across a crash. */
  readonly work: PollsUnitOfWork;
  readonly bus: IEventBus;
}

interface CastVoteInput {
  readonly pollId: string;
  readonly optionId: string;
  /** The signed-in voter (from the socket's session, never from the payload). */
  readonly voter: PollActor;
}

type CastVoteResult = { readonly ok: true; readonly optionId: string; readonly tally: PollTally } | PollRefusal;
export type CastVote = (input: CastVoteInput) => Promise<CastVoteResult>;

/**
 * Counts one vote: the poll must exist and be open, the option must be one
 * of its options, and the voter must not have voted on it yet (checked and
 * recorded atomically by the vote repository, on every instance). Then the
 * new tally goes to the poll's channel and `vote:accepted` to the bus.
 * Refusals are answered, not thrown (see `PollRefusal`).
 *
 * A vote racing a close by a few milliseconds may still count: the status is
 * read before the atomic cast. Its tally is broadcast after the close's, and
 * clients keep the tally with the most votes, so every page still ends on
 * the same final count.
 *
 * @example
 * await castVote({ pollId, optionId: "o1", voter: { userId: "bob", roles: [] } });
 * // { ok: true, optionId: "o1", tally: { options: [...], totalVotes: 1 } }, then { ok: false, code: "ALREADY_VOTED", ... }
 */
export function castVoteUseCase(deps: CastVoteDeps): CastVote {
  return async ({ pollId, optionId, voter }) => {
    const poll = await deps.polls.get(pollId);
    if (poll === null || !isPollVisibleTo(poll, voter)) return refuse("UNKNOWN_POLL", `No poll with id "${pollId}"`);
    if (poll.status === "draft") return refuse("POLL_NOT_OPEN", "This poll is not open for votes yet");
    if (poll.status === "closed") return refuse("POLL_CLOSED", "This poll is closed and takes no more votes");
    if (!poll.options.some((option) => option.id === optionId)) return refuse("UNKNOWN_OPTION", `This poll has no option "${optionId}"`);

    const tally = await deps.work(async ({ votes, realtime }) => {
      const outcome = await votes.cast(pollId, voter.userId, optionId);
      if (!outcome.accepted) return null;
      const counted = tallyOf(poll, outcome.counts);
      await realtime.broadcast(pollChannel, { pollId }, { options: [...counted.options], totalVotes: counted.totalVotes });
      return counted;
    });
    if (tally === null) return refuse("ALREADY_VOTED", "You already voted on this poll");
    // In-process listeners hear only what committed.
    await deps.bus.publish(voteAccepted, { pollId, optionId, totalVotes: tally.totalVotes });
    return { ok: true, optionId, tally };
  };
}
