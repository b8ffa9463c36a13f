import { defineRealtimeChannel } from "@repo/core-realtime";
import { z } from "zod";

const ZNotificationView = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** Epoch milliseconds. */
  createdAt: z.number(),
  read: z.boolean(),
});

/** A new notification arrived; `unreadCount` is the server's count after it. */
const ZNotificationCreatedMessage = z.object({
  kind: z.literal("created"),
  notification: ZNotificationView,
  unreadCount: z.number().int().min(0),
});

/** Notifications were marked read (in this tab or another); `unreadCount` is the count after it. */
const ZNotificationsReadMessage = z.object({
  kind: z.literal("read"),
  ids: z.array(z.string()),
  unreadCount: z.number().int().min(0),
});

const ZNotificationMessage = z.discriminatedUnion("kind", [ZNotificationCreatedMessage, ZNotificationsReadMessage]);
export type TNotificationMessage = z.infer<typeof ZNotificationMessage>;

/**
 * One user's notifications: only that user may subscribe (`userScoped`), and
 * the last 100 messages are kept for a day, so a client that reconnects (or
 * reloads) gets what it missed replayed. Outbound only: changes go through
 * the `notifications` tRPC procedures.
 *
 * @example
 * useChannel(notificationsChannel, { userId: me.id }, (message) => setUnread(message.unreadCount));
 */
export const notificationsChannel = defineRealtimeChannel({
  name: "notifications.user.{userId}",
  scope: { userScoped: "userId" },
  schema: ZNotificationMessage,
  history: { size: 100, ttlSeconds: 86_400 },
  description: "A user's own notifications and unread count",
});
