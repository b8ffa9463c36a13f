import { RealtimeError } from "@repo/core-realtime";
import type { RealtimeInboundHandler } from "@repo/core-realtime/server";
import type { CastVote } from "../../use-cases/cast-vote";
import type { pollChannel, TVoteReply } from "../poll.channel";

export interface OnVoteDeps {
  readonly castVote: CastVote;
}

/**
 * The `polls.{pollId}` inbound handler: the gate has already checked sign-in
 * and the `{ optionId }` schema; this casts the vote as the socket's user and
 * acks `{ optionId, tally }`, or throws a `RealtimeError` whose code is the
 * refusal's (`ALREADY_VOTED`, `POLL_CLOSED`, `POLL_NOT_OPEN`, `UNKNOWN_OPTION`, `UNKNOWN_POLL`).
 *
 * @example
 * registry.register(pollChannel, onVoteHandler({ castVote }));
 */
export function onVoteHandler(deps: OnVoteDeps): RealtimeInboundHandler<typeof pollChannel> {
  return async (payload, context): Promise<TVoteReply> => {
    // The channel is "authenticated", so gate 3 refuses anonymous publishes first; fail closed anyway.
    if (context.user === null) throw new RealtimeError("UNAUTHENTICATED", "Sign in to vote");
    const result = await deps.castVote({ pollId: context.params.pollId, optionId: payload.optionId, voter: context.user });
    if (!result.ok) throw new RealtimeError(result.code, result.message);
    return { optionId: result.optionId, tally: { options: [...result.tally.options], totalVotes: result.tally.totalVotes } };
  };
}
