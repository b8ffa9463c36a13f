/** A poll's life: created as a draft, opened for votes, closed for good. */
export const POLL_STATUSES = ["draft", "open", "closed"] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

interface PollOption {
  readonly id: string;
  readonly label: string;
}

export interface Poll {
  /** Names the poll's channel (`polls.<id>`), so it is a valid channel parameter. */
  readonly id: string;
  readonly question: string;
  readonly status: PollStatus;
  readonly options: readonly PollOption[];
  readonly createdBy: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/** Who is acting or looking: the shape of `ctx.user` in tRPC and realtime. */
export interface PollActor {
  readonly userId: string;
  readonly roles: readonly string[];
}

/** What the poll channel carries and a vote's ack answers: every option's count, in poll order. */
export interface PollTally {
  readonly options: readonly { readonly id: string; readonly votes: number }[];
  readonly totalVotes: number;
}

/**
 * Orders stored counts by the poll's options, with 0 for an option nobody chose
 * (counts for ids that are not options are ignored).
 *
 * @example
 * tallyOf(poll, new Map([["o2", 3]])); // { options: [{ id: "o1", votes: 0 }, { id: "o2", votes: 3 }], totalVotes: 3 }
 */
export function tallyOf(poll: Pick<Poll, "options">, counts: ReadonlyMap<string, number>): PollTally {
  const options = poll.options.map((option) => ({ id: option.id, votes: counts.get(option.id) ?? 0 }));
  return { options, totalVotes: options.reduce((sum, option) => sum + option.votes, 0) };
}

/** The creator and admins may open and close a poll. */
export function canManagePoll(poll: Pick<Poll, "createdBy">, actor: PollActor | null): boolean {
  return actor !== null && (actor.userId === poll.createdBy || actor.roles.includes("admin"));
}

/** Drafts are the creator's (and admins') until opened; open and closed polls are visible to all. */
export function isPollVisibleTo(poll: Pick<Poll, "createdBy" | "status">, viewer: PollActor | null): boolean {
  return poll.status !== "draft" || canManagePoll(poll, viewer);
}
