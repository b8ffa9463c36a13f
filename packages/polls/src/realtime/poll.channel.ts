import { defineRealtimeChannel } from "@repo/core-realtime";
import { z } from "zod";

/** Longest option id a vote may name (the package creates `o1`, `o2`, ...). */
const MAX_OPTION_ID_LENGTH = 64;

/**
 * A poll's live tally: every option's count in poll order and the total.
 * Sent after each vote; `status` is present only when the poll opened or closed.
 * Counts only grow, so of two tallies the one with more `totalVotes` is the newer.
 */
const ZPollTallyMessage = z.object({
  options: z.array(z.object({ id: z.string(), votes: z.number().int().min(0) })),
  totalVotes: z.number().int().min(0),
  status: z.enum(["open", "closed"]).optional(),
});

/** A vote: `realtime:publish { channel: "polls.<id>", payload: { optionId } }`. */
const ZVoteRequest = z.strictObject({ optionId: z.string().min(1).max(MAX_OPTION_ID_LENGTH) });
export type TVoteRequest = z.infer<typeof ZVoteRequest>;

/** What a vote's ack carries as `result`: the option counted and the tally after it. */
export const ZVoteReply = z.object({ optionId: z.string(), tally: ZPollTallyMessage });
export type TVoteReply = z.infer<typeof ZVoteReply>;

/**
 * One poll's live tally. Any signed-in user who may see the poll may
 * subscribe and vote: the feature registers it with `pollChannelPolicy`
 * (`withChannelPolicy`), so a draft's channel is its creator's and admins'
 * only. The `vote` inbound handler enforces one vote per user per poll. History keeps
 * the last 50 tallies for a day, so a client that reconnects is brought up to date;
 * presence lists who has the poll open.
 *
 * @example
 * useChannel(pollChannel, { pollId }, (tally) => setTally(tally));
 * await client.publish(pollChannel, { pollId }, { optionId: "o1" }); // rejects with ALREADY_VOTED the second time
 */
export const pollChannel = defineRealtimeChannel({
  name: "polls.{pollId}",
  scope: "authenticated",
  schema: ZPollTallyMessage,
  inbound: ZVoteRequest,
  history: { size: 50, ttlSeconds: 86_400 },
  // Who is looking at the poll right now (the page shows "Here now").
  presence: true,
  description: "A poll's live tally; publish { optionId } to vote",
});
