import { isPollVisibleTo } from "../domain/poll";
import type { PollActor } from "../domain/poll";
import { toPollView } from "../domain/poll-view";
import type { PollView } from "../domain/poll-view";
import type { IPollRepository } from "../repositories/poll-repository";
import type { IVoteRepository } from "../repositories/vote-repository";

export interface GetPollDeps {
  readonly polls: IPollRepository;
  readonly votes: IVoteRepository;
}

interface GetPollInput {
  readonly id: string;
  /** Who looks: drafts are visible to their creator and admins only. */
  readonly viewer: PollActor;
}

/** `null` for an unknown poll and for a draft the viewer may not see (the same answer, so drafts do not leak). */
export type GetPoll = (input: GetPollInput) => Promise<PollView | null>;

/**
 * One poll with its current counts: the snapshot a page renders before (and
 * after a failed recovery of) the live channel.
 *
 * @example
 * await getPoll({ id, viewer }); // { id, question, status, options: [{ id, label, votes }] }
 */
export function getPollUseCase(deps: GetPollDeps): GetPoll {
  return async ({ id, viewer }) => {
    const poll = await deps.polls.get(id);
    if (poll === null || !isPollVisibleTo(poll, viewer)) return null;
    return toPollView(poll, await deps.votes.counts(id));
  };
}
