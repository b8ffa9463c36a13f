import { describe, expect, it } from "vitest";
import type { NotificationView } from "../domain/notification";
import type { TNotificationMessage } from "../realtime/notifications.channel";
import { EMPTY_NOTIFICATION_INBOX, INBOX_MAX_ITEMS, reduceNotificationInbox } from "./notification-inbox";
import type { NotificationInbox, NotificationInboxEvent } from "./notification-inbox";

function view(id: string, createdAt: number, read = false): NotificationView {
  return { id, title: `title ${id}`, body: `body ${id}`, createdAt, read };
}

const created = (notification: NotificationView, unreadCount: number): TNotificationMessage => ({ kind: "created", notification, unreadCount });
const read = (ids: string[], unreadCount: number): TNotificationMessage => ({ kind: "read", ids, unreadCount });

function run(events: NotificationInboxEvent[], start: NotificationInbox = EMPTY_NOTIFICATION_INBOX): NotificationInbox {
  return events.reduce(reduceNotificationInbox, start);
}

/** An inbox loaded from one snapshot. */
function loaded(notifications: NotificationView[], unreadCount: number): NotificationInbox {
  return run([
    { type: "snapshot-requested", requestId: 1 },
    { type: "snapshot-loaded", requestId: 1, notifications, unreadCount },
  ]);
}

const ids = (inbox: NotificationInbox) => inbox.notifications.map((n) => [n.id, n.read]);

describe("reduceNotificationInbox", () => {
  it("starts with no count, then shows a snapshot newest first", () => {
    expect(EMPTY_NOTIFICATION_INBOX.unreadCount).toBeNull();
    const inbox = loaded([view("a", 1), view("c", 3), view("b", 2, true)], 2);
    expect(ids(inbox)).toEqual([["c", false], ["b", true], ["a", false]]);
    expect(inbox.unreadCount).toBe(2);
    expect(inbox.pending).toBeNull();
  });

  it("adds a created notification on top with the server's count, once", () => {
    const inbox = run([{ type: "message", message: created(view("n", 10), 2) }], loaded([view("a", 1)], 1));
    expect(ids(inbox)).toEqual([["n", false], ["a", false]]);
    expect(inbox.unreadCount).toBe(2);
    // The same message again (a replay after reload) changes nothing.
    expect(run([{ type: "message", message: created(view("n", 10), 2) }], inbox)).toBe(inbox);
  });

  it("applies a read mark, ignores its echo, and takes the count of ids it does not list", () => {
    const start = loaded([view("a", 1), view("b", 2)], 5);
    const marked = run([{ type: "message", message: read(["a"], 4) }], start);
    expect(ids(marked)).toEqual([["b", false], ["a", true]]);
    expect(marked.unreadCount).toBe(4);
    expect(run([{ type: "message", message: read(["a"], 4) }], marked)).toBe(marked);
    // Mark-all in another tab also turned older notifications (beyond the list) read.
    expect(run([{ type: "message", message: read(["b", "older"], 0) }], marked).unreadCount).toBe(0);
  });

  it("does not count twice a message that raced the snapshot and is already in it", () => {
    const inbox = run([
      { type: "snapshot-requested", requestId: 1 },
      { type: "message", message: created(view("n", 10), 1) },
      { type: "snapshot-loaded", requestId: 1, notifications: [view("n", 10)], unreadCount: 1 },
    ]);
    expect(ids(inbox)).toEqual([["n", false]]);
    expect(inbox.unreadCount).toBe(1);
  });

  it("keeps a message the snapshot answer predates", () => {
    const inbox = run([
      { type: "snapshot-requested", requestId: 1 },
      { type: "message", message: created(view("new", 10), 2) },
      { type: "snapshot-loaded", requestId: 1, notifications: [view("old", 1)], unreadCount: 1 },
    ]);
    expect(ids(inbox)).toEqual([["new", false], ["old", false]]);
    expect(inbox.unreadCount).toBe(2);
  });

  it("skips every message up to the last one the snapshot reflects (server order), applying only later ones", () => {
    // Mark-all (also of ids beyond the list), then n arrives, then the snapshot (taken after both), then m.
    const inbox = run([
      { type: "snapshot-requested", requestId: 1 },
      { type: "message", message: read(["x", "beyond-the-list"], 0) },
      { type: "message", message: created(view("n", 10), 1) },
      { type: "message", message: created(view("m", 11), 2) },
      { type: "snapshot-loaded", requestId: 1, notifications: [view("n", 10), view("x", 1, true)], unreadCount: 1 },
    ]);
    expect(ids(inbox)).toEqual([["m", false], ["n", false], ["x", true]]);
    expect(inbox.unreadCount).toBe(2);
  });

  it("reapplies a read mark the snapshot predates", () => {
    const inbox = run([
      { type: "snapshot-requested", requestId: 1 },
      { type: "message", message: read(["a"], 0) },
      { type: "snapshot-loaded", requestId: 1, notifications: [view("a", 1)], unreadCount: 1 },
    ]);
    expect(ids(inbox)).toEqual([["a", true]]);
    expect(inbox.unreadCount).toBe(0);
  });

  it("drops the answer of a request that is no longer the latest", () => {
    const inbox = run([
      { type: "snapshot-requested", requestId: 1 },
      { type: "snapshot-requested", requestId: 2 },
      { type: "snapshot-loaded", requestId: 1, notifications: [view("stale", 1)], unreadCount: 9 },
    ]);
    expect(inbox.notifications).toEqual([]);
    expect(inbox.unreadCount).toBeNull();
    expect(run([{ type: "snapshot-loaded", requestId: 2, notifications: [view("fresh", 2)], unreadCount: 1 }], inbox).unreadCount).toBe(1);
  });

  it("forgets a failed request so live messages stop queueing", () => {
    const inbox = run([
      { type: "snapshot-requested", requestId: 1 },
      { type: "snapshot-failed", requestId: 1 },
      { type: "message", message: created(view("n", 1), 1) },
    ]);
    expect(inbox.pending).toBeNull();
    expect(inbox.unreadCount).toBe(1);
  });

  it("takes this tab's own mark-all from its echo, whichever of the echo and the follow-up snapshot comes first", () => {
    const start = loaded([view("a", 1), view("b", 2)], 3);
    const echo = read(["a", "b", "beyond-the-list"], 0);
    const fresh = { type: "snapshot-loaded", requestId: 2, notifications: [view("a", 1, true), view("b", 2, true)], unreadCount: 0 } as const;
    const echoFirst = run([{ type: "message", message: echo }, { type: "snapshot-requested", requestId: 2 }, fresh], start);
    const snapshotFirst = run([{ type: "snapshot-requested", requestId: 2 }, { type: "message", message: echo }, fresh], start);
    for (const inbox of [echoFirst, snapshotFirst]) {
      expect(ids(inbox)).toEqual([["b", true], ["a", true]]);
      expect(inbox.unreadCount).toBe(0);
    }
  });

  it(`keeps at most ${INBOX_MAX_ITEMS} notifications, dropping the oldest`, () => {
    const many = Array.from({ length: INBOX_MAX_ITEMS }, (_, i) => view(`n${i}`, i + 1));
    const inbox = run([{ type: "message", message: created(view("newest", 1_000), INBOX_MAX_ITEMS + 1) }], loaded(many, INBOX_MAX_ITEMS));
    expect(inbox.notifications).toHaveLength(INBOX_MAX_ITEMS);
    expect(inbox.notifications[0]?.id).toBe("newest");
    expect(inbox.notifications.some((n) => n.id === "n0")).toBe(false);
  });
});
