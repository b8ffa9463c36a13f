import { defineEvent } from "@repo/core-events";
import { z } from "zod";

/**
 * A poll was stored (as a draft; published once per poll id, not again for a repeated seed id).
 *
 * @example
 * bus.subscribe(pollCreated, ({ pollId, createdBy }) => audit.log(pollId, createdBy));
 */
export const pollCreated = defineEvent({
  name: "poll:created",
  schema: z.object({
    pollId: z.string().min(1),
    question: z.string().min(1),
    optionCount: z.number().int().min(2),
    createdBy: z.string().min(1),
  }),
});
