import { isPollVisibleTo } from "../domain/poll";
import type { PollActor } from "../domain/poll";
import { toPollListItem } from "../domain/poll-view";
import type { PollListItem } from "../domain/poll-view";
import type { IPollRepository } from "../repositories/poll-repository";
import type { IVoteRepository } from "../repositories/vote-repository";

export const DEFAULT_POLL_LIST_LIMIT = 20;
export const MAX_POLL_LIST_LIMIT = 50;

export interface ListPollsDeps {
  readonly polls: IPollRepository;
  readonly votes: IVoteRepository;
}

export interface ListPollsInput {
  readonly viewer: PollActor;
  /** 1..50; default 20. */
  readonly limit?: number;
}

export type ListPolls = (input: ListPollsInput) => Promise<{ readonly polls: readonly PollListItem[] }>;

/**
 * The newest polls the viewer may see (open and closed ones, plus their own
 * drafts; admins see every draft), each with counts and the viewer's own vote.
 *
 * @example
 * const { polls } = await listPolls({ viewer: { userId: "bob", roles: [] } });
 */
export function listPollsUseCase(deps: ListPollsDeps): ListPolls {
  return async ({ viewer, limit = DEFAULT_POLL_LIST_LIMIT }) => {
    const bounded = Math.min(Math.max(Math.trunc(limit), 1), MAX_POLL_LIST_LIMIT);
    // Drafts of others are filtered after the read, so read a bounded surplus to still fill the page.
    const stored = await deps.polls.list(bounded * 2);
    const visible = stored.filter((poll) => isPollVisibleTo(poll, viewer)).slice(0, bounded);
    const polls = await Promise.all(
      visible.map(async (poll) => {
        const [counts, myVote] = await Promise.all([deps.votes.counts(poll.id), deps.votes.voteOf(poll.id, viewer.userId)]);
        return toPollListItem(poll, counts, viewer, myVote);
      }),
    );
    return { polls };
  };
}
