import type { PollActor } from "../domain/poll";
import { encodePollCursor } from "../domain/poll-cursor";
import type { PollCursor } from "../domain/poll-cursor";
import { toPollListItem } from "../domain/poll-view";
import type { PollListItem } from "../domain/poll-view";
import type { IPollRepository } from "../repositories/poll-repository";
import type { IVoteRepository } from "../repositories/vote-repository";

const DEFAULT_POLL_LIST_LIMIT = 20;
export const MAX_POLL_LIST_LIMIT = 50;

export interface ListPollsDeps {
  readonly polls: IPollRepository;
  readonly votes: IVoteRepository;
}

interface ListPollsInput {
  readonly viewer: PollActor;
  /** 1..50; default 20. */
  readonly limit?: number;
  /** Continue after this row (decoded from the previous page's `nextCursor`). */
  readonly after?: PollCursor;
}

interface ListPollsResult {
  readonly polls: readonly PollListItem[];
  /** Pass back as `cursor` for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

export type ListPolls = (input: ListPollsInput) => Promise<ListPollsResult>;

/**
 * One page of the polls the viewer may see, newest first (open and closed
 * ones, plus their own drafts; admins see every draft), each with counts and
 * the viewer's own vote. The store filters before the limit, so no number of
 * other users' drafts can push a visible poll off the page.
 *
 * @example
 * const { polls, nextCursor } = await listPolls({ viewer: { userId: "bob", roles: [] } });
 */
export function listPollsUseCase(deps: ListPollsDeps): ListPolls {
  return async ({ viewer, limit = DEFAULT_POLL_LIST_LIMIT, after }) => {
    const bounded = Math.min(Math.max(Math.trunc(limit), 1), MAX_POLL_LIST_LIMIT);
    // One row more than the page tells whether another page exists.
    const stored = await deps.polls.listVisible({
      viewerId: viewer.userId,
      allDrafts: viewer.roles.includes("admin"),
      limit: bounded + 1,
      ...(after === undefined ? {} : { after }),
    });
    const page = stored.slice(0, bounded);
    const last = page.at(-1);
    const polls = await Promise.all(
      page.map(async (poll) => {
        const [counts, myVote] = await Promise.all([deps.votes.counts(poll.id), deps.votes.voteOf(poll.id, viewer.userId)]);
        return toPollListItem(poll, counts, viewer, myVote);
      }),
    );
    return { polls, nextCursor: stored.length > bounded && last !== undefined ? encodePollCursor(last) : null };
  };
}
