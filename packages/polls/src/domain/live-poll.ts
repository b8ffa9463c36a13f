import type { PollStatus } from "./poll";

/** What a page shows of one poll, kept current from snapshots (`polls.get`/`list`), channel messages and vote acks. */
export interface LivePoll {
  readonly status: PollStatus;
  readonly options: readonly { readonly id: string; readonly label: string; readonly votes: number }[];
  readonly totalVotes: number;
}

/** Anything that carries counts: a channel tally, a vote ack's tally, or a snapshot's options. */
export interface TallyUpdate {
  readonly options: readonly { readonly id: string; readonly votes: number }[];
  readonly totalVotes?: number;
  readonly status?: PollStatus;
}

const STATUS_ORDER: Readonly<Record<PollStatus, number>> = { draft: 0, open: 1, closed: 2 };

/**
 * Merges an update into what the page shows, whatever order updates arrive
 * in. Counts only grow (one vote per user, never withdrawn) and a status only
 * moves forward (draft, open, closed), so the update with more votes is the
 * newer one and a status never goes back: a late snapshot or a reordered
 * message cannot undo a newer one.
 *
 * @example
 * setPoll((poll) => mergeLivePoll(poll, tally)); // from useChannel(pollChannel, ...)
 */
export function mergeLivePoll(current: LivePoll, update: TallyUpdate): LivePoll {
  const totalVotes = update.totalVotes ?? update.options.reduce((sum, option) => sum + option.votes, 0);
  const status = update.status !== undefined && STATUS_ORDER[update.status] > STATUS_ORDER[current.status] ? update.status : current.status;
  if (totalVotes <= current.totalVotes) return status === current.status ? current : { ...current, status };
  const votesById = new Map(update.options.map((option) => [option.id, option.votes]));
  return {
    status,
    totalVotes,
    options: current.options.map((option) => ({ ...option, votes: votesById.get(option.id) ?? option.votes })),
  };
}
