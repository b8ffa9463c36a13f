import type { IEventBus } from "@repo/core-events";
import { canManagePoll, isPollVisibleTo, tallyOf } from "../domain/poll";
import type { PollActor, PollStatus } from "../domain/poll";
import { refuse } from "../domain/poll-refusal";
import type { PollRefusal } from "../domain/poll-refusal";
import { pollClosed } from "../events/poll-closed.event";
import { pollOpened } from "../events/poll-opened.event";
import { pollChannel } from "../realtime/poll.channel";
import type { IPollRepository } from "../repositories/poll-repository";
import type { IVoteRepository } from "../repositories/vote-repository";
import type { PollsUnitOfWork } from "./polls-unit-of-work";

export interface ChangePollStatusDeps {
  readonly polls: IPollRepository;
  readonly votes: IVoteRepository;
  /** The status change and its push in one transaction (ADR-021). */
  readonly work: PollsUnitOfWork;
  readonly bus: IEventBus;
}

interface ChangePollStatusInput {
  readonly id: string;
  /** Who asks (tRPC passes `ctx.user`): the creator or an admin. */
  readonly actor: PollActor;
}

type ChangePollStatusResult = { readonly ok: true; readonly id: string; readonly status: PollStatus } | PollRefusal;
export type ChangePollStatus = (input: ChangePollStatusInput) => Promise<ChangePollStatusResult>;

interface Transition {
  readonly to: "open" | "closed";
  readonly from: readonly PollStatus[];
}

const OPEN: Transition = { to: "open", from: ["draft"] };
// A draft is never closed: closing publishes the tally and announces the poll to everyone, which
// would publish a draft nobody else was meant to see (issue #18). Open it first, or leave it.
const CLOSE: Transition = { to: "closed", from: ["open"] };

function changePollStatus(deps: ChangePollStatusDeps, transition: Transition): ChangePollStatus {
  return async ({ id, actor }) => {
    const poll = await deps.polls.get(id);
    if (poll === null || !isPollVisibleTo(poll, actor)) return refuse("UNKNOWN_POLL", `No poll with id "${id}"`);
    if (!canManagePoll(poll, actor)) return refuse("NOT_POLL_MANAGER", "Only the poll's creator or an admin may open or close it");
    const changed = await deps.work(async ({ polls, votes, realtime }) => {
      const result = await polls.transition(id, transition.from, transition.to);
      if (result === null || !result.changed) return { result, tally: null };
      // Only the call that changed the status tells anyone, so each event is published once.
      const tally = tallyOf(result.poll, await votes.counts(id));
      await realtime.broadcast(pollChannel, { pollId: id }, { ...tally, options: [...tally.options], status: transition.to });
      return { result, tally };
    });
    const { result, tally } = changed;
    if (result === null) return refuse("UNKNOWN_POLL", `No poll with id "${id}"`);
    if (!result.changed) {
      // Already there (a double click, another tab): nothing to do. A closed poll never reopens.
      if (result.poll.status === transition.to) return { ok: true, id, status: result.poll.status };
      if (result.poll.status === "draft") return refuse("POLL_NOT_OPEN", "A draft cannot be closed: open it first");
      return refuse("POLL_CLOSED", "This poll is closed for good and cannot be reopened");
    }
    if (tally === null) return { ok: true, id, status: transition.to };
    if (transition.to === "open") await deps.bus.publish(pollOpened, { pollId: id, openedBy: actor.userId });
    else await deps.bus.publish(pollClosed, { pollId: id, closedBy: actor.userId, options: [...tally.options], totalVotes: tally.totalVotes });
    return { ok: true, id, status: transition.to };
  };
}

/**
 * Opens a draft for votes (creator or admin), pushes the status on the
 * poll's channel and publishes `poll:opened`. Opening an open poll is a
 * no-op; a closed one answers `POLL_CLOSED`.
 *
 * @example
 * await openPoll({ id, actor: { userId: "alice", roles: [] } }); // { ok: true, id, status: "open" }
 */
export function openPollUseCase(deps: ChangePollStatusDeps): ChangePollStatus {
  return changePollStatus(deps, OPEN);
}

/**
 * Closes an open poll for good (creator or admin), pushes the final tally with
 * `status: "closed"` and publishes `poll:closed`. Closing twice is a no-op.
 * A draft is refused with `POLL_NOT_OPEN` and nothing is pushed or published
 * (closing it would announce it to every signed-in user).
 *
 * @example
 * await closePoll({ id, actor: { userId: "alice", roles: [] } }); // { ok: true, id, status: "closed" }
 */
export function closePollUseCase(deps: ChangePollStatusDeps): ChangePollStatus {
  return changePollStatus(deps, CLOSE);
}
