import { defineEvent } from "@repo/core-events";
import { z } from "zod";

/**
 * A notification was stored for a user (published once per notification, not
 * for a repeated id). Carries no title or body: subscribers that need them ask
 * the owner's list, and dashboards see traffic without private text.
 *
 * @example
 * bus.subscribe(notificationSent, ({ userId }) => metrics.inc(userId));
 */
export const notificationSent = defineEvent({
  name: "notification:sent",
  schema: z.object({ notificationId: z.string(), userId: z.string(), unreadCount: z.number().int().min(0) }),
});
