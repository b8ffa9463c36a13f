import type { NotificationView } from "../domain/notification";
import type { TNotificationMessage } from "../realtime/notifications.channel";

/**
 * What a page shows of the signed-in user's notifications: a snapshot from
 * `notifications.list` kept current by the user's channel. Pure state, so
 * the browser and the tests share it.
 */
export interface NotificationInbox {
  /** Newest first (`createdAt`, then id, descending), at most {@link INBOX_MAX_ITEMS}. */
  readonly notifications: readonly NotificationView[];
  /** The server's unread count; `null` until the first snapshot or message. */
  readonly unreadCount: number | null;
  /**
   * The snapshot request in flight, and the channel messages that arrived
   * since it was sent: the answer may predate them, so they are applied
   * again on top of it.
   */
  readonly pending: { readonly requestId: number; readonly messages: readonly TNotificationMessage[] } | null;
}

export type NotificationInboxEvent =
  /** A `notifications.list` call was sent (on mount, after every (re)subscribe, after a lost history). */
  | { readonly type: "snapshot-requested"; readonly requestId: number }
  | {
      readonly type: "snapshot-loaded";
      readonly requestId: number;
      readonly notifications: readonly NotificationView[];
      readonly unreadCount: number;
    }
  | { readonly type: "snapshot-failed"; readonly requestId: number }
  /** A message on `notifications.user.{userId}` (live or replayed). */
  | { readonly type: "message"; readonly message: TNotificationMessage };

/** The list never grows past what `notifications.list` can answer. */
export const INBOX_MAX_ITEMS = 100;

export const EMPTY_NOTIFICATION_INBOX: NotificationInbox = { notifications: [], unreadCount: null, pending: null };

function newestFirst(a: NotificationView, b: NotificationView): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/**
 * One message over the inbox. Idempotent, because the same change can
 * arrive twice (a replay after reload, the channel echo of this tab's own
 * mark-read, a message already inside a newer snapshot): a known
 * notification is not added again, and a read mark that changes nothing
 * known is stale, so its count is not taken either.
 */
function applyMessage(inbox: NotificationInbox, message: TNotificationMessage): NotificationInbox {
  if (message.kind === "created") {
    if (inbox.notifications.some((n) => n.id === message.notification.id)) return inbox;
    const notifications = [...inbox.notifications, message.notification].sort(newestFirst).slice(0, INBOX_MAX_ITEMS);
    return { ...inbox, notifications, unreadCount: message.unreadCount };
  }
  const ids = new Set(message.ids);
  const known = inbox.notifications.filter((n) => ids.has(n.id));
  const changesSomething = known.some((n) => !n.read) || known.length < ids.size;
  if (!changesSomething) return inbox;
  const notifications = inbox.notifications.map((n) => (ids.has(n.id) && !n.read ? { ...n, read: true } : n));
  return { ...inbox, notifications, unreadCount: message.unreadCount };
}

/**
 * Whether a snapshot already reflects a message. Channel messages are in
 * server order, so once one is reflected, every earlier one is too. A read
 * message lists exactly the ids it turned read, so one of them read in the
 * snapshot means the snapshot was taken after it.
 */
function reflects(snapshot: NotificationInbox, message: TNotificationMessage): boolean {
  if (message.kind === "created") return snapshot.notifications.some((n) => n.id === message.notification.id);
  const ids = new Set(message.ids);
  return snapshot.notifications.some((n) => ids.has(n.id) && n.read);
}

function withPending(inbox: NotificationInbox, message: TNotificationMessage): NotificationInbox {
  if (inbox.pending === null) return inbox;
  return { ...inbox, pending: { ...inbox.pending, messages: [...inbox.pending.messages, message] } };
}

/**
 * The inbox reducer (for `useReducer`). A snapshot answer replaces the list
 * and count, then the messages that arrived while it was in flight and that
 * it does not reflect yet are applied on top, so neither a message racing
 * the snapshot nor a stale answer loses or double-counts anything. Answers
 * to an older request than the latest are dropped. Only the channel and
 * snapshots change the inbox: after its own `markRead`, a tab waits for the
 * channel's echo or asks for a snapshot, because the mutation's answer is
 * not ordered against channel messages and could carry a stale count.
 *
 * @example
 * const [inbox, dispatch] = useReducer(reduceNotificationInbox, EMPTY_NOTIFICATION_INBOX);
 * useChannel(notificationsChannel, { userId }, (message) => dispatch({ type: "message", message }));
 */
export function reduceNotificationInbox(inbox: NotificationInbox, event: NotificationInboxEvent): NotificationInbox {
  switch (event.type) {
    case "snapshot-requested":
      return { ...inbox, pending: { requestId: event.requestId, messages: [] } };
    case "snapshot-loaded": {
      if (inbox.pending?.requestId !== event.requestId) return inbox;
      const base: NotificationInbox = {
        notifications: [...event.notifications].sort(newestFirst).slice(0, INBOX_MAX_ITEMS),
        unreadCount: event.unreadCount,
        pending: null,
      };
      const messages = inbox.pending.messages;
      let lastReflected = -1;
      messages.forEach((message, i) => {
        if (reflects(base, message)) lastReflected = i;
      });
      return messages.slice(lastReflected + 1).reduce(applyMessage, base);
    }
    case "snapshot-failed":
      return inbox.pending?.requestId === event.requestId ? { ...inbox, pending: null } : inbox;
    case "message":
      return withPending(applyMessage(inbox, event.message), event.message);
  }
}
