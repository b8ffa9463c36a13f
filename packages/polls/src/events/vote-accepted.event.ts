import { defineEvent } from "@repo/core-events";
import { z } from "zod";

/**
 * A vote was counted. Carries no user id: ballots stay secret, even from the
 * admin dashboard that shows bus traffic (the vote store alone knows who chose what).
 *
 * @example
 * bus.subscribe(voteAccepted, ({ pollId, totalVotes }) => metrics.set(pollId, totalVotes));
 */
export const voteAccepted = defineEvent({
  name: "vote:accepted",
  schema: z.object({ pollId: z.string().min(1), optionId: z.string().min(1), totalVotes: z.number().int().min(1) }),
});
