import type { ChannelPolicy } from "@repo/core-realtime";
import { isPollVisibleTo } from "../domain/poll";
import type { IPollRepository } from "../repositories/poll-repository";
import type { pollChannel } from "./poll.channel";

/**
 * Who may read (subscribe, replay, presence, recovery, re-authentication) and
 * publish on `polls.{pollId}`: whoever may see the poll. A draft is its
 * creator's and admins' only; open and closed polls are every signed-in
 * user's. An unknown poll is refused like another user's draft, so the answer
 * never tells whether a draft id exists. The scope (`authenticated`) has
 * already turned anonymous sockets away; `null` is refused here all the same.
 *
 * Visibility only ever grows (a draft opens, nothing becomes a draft again),
 * so a verdict cached for `REALTIME_POLICY_CACHE_MS` can only be too strict
 * for that long, never too lenient.
 *
 * @example
 * ctx.realtimeRegistry.register(withChannelPolicy(pollChannel, pollChannelPolicy(polls)), onVote);
 */
export function pollChannelPolicy(polls: Pick<IPollRepository, "get">): ChannelPolicy<(typeof pollChannel)["name"]> {
  return async (user, { pollId }) => {
    if (user === null) return false;
    const poll = await polls.get(pollId);
    return poll !== null && isPollVisibleTo(poll, { userId: user.userId, roles: user.roles });
  };
}
