import { defineEvent } from "@repo/core-events";
import { z } from "zod";

/**
 * A poll stopped taking votes for good; carries the tally at the moment it closed.
 *
 * @example
 * bus.subscribe(pollClosed, ({ pollId, totalVotes }) => report(pollId, totalVotes));
 */
export const pollClosed = defineEvent({
  name: "poll:closed",
  schema: z.object({
    pollId: z.string().min(1),
    closedBy: z.string().min(1),
    options: z.array(z.object({ id: z.string(), votes: z.number().int().min(0) })),
    totalVotes: z.number().int().min(0),
  }),
});
