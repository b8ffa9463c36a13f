import { authedProcedure, roleProcedure, router } from "@repo/core-trpc";
import { z } from "zod";
import type { ListNotifications } from "../use-cases/list-notifications";
import { MAX_LIST_LIMIT } from "../use-cases/list-notifications";
import type { MarkNotificationsRead } from "../use-cases/mark-notifications-read";
import type { SendNotification } from "../use-cases/send-notification";
import { ZSendNotificationInput } from "../use-cases/send-notification";

const ZListNotificationsRequest = z.object({ limit: z.number().int().min(1).max(MAX_LIST_LIMIT).optional() }).optional();

/** Omit `ids` (or the whole input) to mark every unread notification. */
const ZMarkReadRequest = z.object({ ids: z.array(z.string().min(1).max(128)).min(1).max(100).optional() }).optional();

export interface NotificationsRouterDeps {
  readonly send: SendNotification;
  readonly list: ListNotifications;
  readonly markRead: MarkNotificationsRead;
}

/**
 * The notifications feature's procedures, mounted at `notifications`. Reads
 * and read marks always act on the caller's own inbox (the user id comes from
 * the session, never from input); only admins send.
 *
 * @example
 * await caller.notifications.send({ userId: "bob", title: "Hi", body: "" }); // admins only
 * await caller.notifications.list(); // { notifications: [...], unreadCount }
 * await caller.notifications.markRead({ ids: ["n1"] }); // { markedIds: ["n1"], unreadCount }
 */
export function createNotificationsRouter(deps: NotificationsRouterDeps) {
  return router({
    send: roleProcedure("admin")
      .input(ZSendNotificationInput)
      .mutation(({ input }) => deps.send(input)),
    list: authedProcedure.input(ZListNotificationsRequest).query(({ ctx, input }) => deps.list({ userId: ctx.user.userId, limit: input?.limit })),
    markRead: authedProcedure
      .input(ZMarkReadRequest)
      .mutation(({ ctx, input }) => deps.markRead({ userId: ctx.user.userId, ids: input?.ids ?? null })),
  });
}

export type NotificationsRouter = ReturnType<typeof createNotificationsRouter>;
