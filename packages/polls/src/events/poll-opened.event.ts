import { defineEvent } from "@repo/core-events";
import { z } from "zod";

/**
 * A draft poll started taking votes (published once, by the call that changed the status).
 *
 * @example
 * bus.subscribe(pollOpened, ({ pollId }) => notifyVoters(pollId));
 */
export const pollOpened = defineEvent({
  name: "poll:opened",
  schema: z.object({ pollId: z.string().min(1), openedBy: z.string().min(1) }),
});
