import type { Poll, PollActor, PollStatus } from "./poll";
import { canManagePoll, tallyOf } from "./poll";

/** What `polls.get` answers: the poll with every option's live count. */
export interface PollView {
  readonly id: string;
  readonly question: string;
  readonly status: PollStatus;
  readonly options: readonly { readonly id: string; readonly label: string; readonly votes: number }[];
}

/** A row of `polls.list`: the view plus what the page needs to render its controls. */
export interface PollListItem extends PollView {
  readonly totalVotes: number;
  readonly createdBy: string;
  readonly createdAt: number;
  /** The viewer may open and close it (the creator or an admin). */
  readonly canManage: boolean;
  /** The option the viewer voted for, or `null`. */
  readonly myVote: string | null;
}

/**
 * Joins a poll's definition with its stored counts, options in poll order.
 *
 * @example
 * toPollView(poll, await votes.counts(poll.id)); // { id, question, status, options: [{ id, label, votes }] }
 */
export function toPollView(poll: Poll, counts: ReadonlyMap<string, number>): PollView {
  const tally = tallyOf(poll, counts);
  return {
    id: poll.id,
    question: poll.question,
    status: poll.status,
    options: poll.options.map((option, i) => ({ id: option.id, label: option.label, votes: tally.options[i]?.votes ?? 0 })),
  };
}

/**
 * The list row for one viewer.
 *
 * @example
 * toPollListItem(poll, counts, viewer, await votes.voteOf(poll.id, viewer.userId));
 */
export function toPollListItem(poll: Poll, counts: ReadonlyMap<string, number>, viewer: PollActor, myVote: string | null): PollListItem {
  const view = toPollView(poll, counts);
  return {
    ...view,
    totalVotes: view.options.reduce((sum, option) => sum + option.votes, 0),
    createdBy: poll.createdBy,
    createdAt: poll.createdAt,
    canManage: canManagePoll(poll, viewer),
    myVote,
  };
}
