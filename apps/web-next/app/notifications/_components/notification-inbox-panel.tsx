"use client";

import { useChannel, useConnectionStatus } from "@repo/core-realtime/react";
import { EMPTY_NOTIFICATION_INBOX, notificationsChannel, reduceNotificationInbox } from "@repo/notifications/client";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { AppTrpcClient } from "../../_components/trpc-client";
import { describeTrpcError } from "../../_components/describe-trpc-error";
import { NotificationList } from "./notification-list";

/**
 * The signed-in user's live inbox: a `notifications.list` snapshot, kept
 * current by their own `notifications.user.<id>` channel (the server refuses
 * anyone else's). The snapshot is asked for again after every (re)subscribe
 * and whenever the channel could not replay what was missed; the reducer
 * merges answers and messages without losing or double-counting any.
 */
export function NotificationInboxPanel({ trpc, userId }: { readonly trpc: AppTrpcClient; readonly userId: string }) {
  const status = useConnectionStatus();
  const [inbox, dispatch] = useReducer(reduceNotificationInbox, EMPTY_NOTIFICATION_INBOX);
  const [error, setError] = useState<string | null>(null);
  const [marking, setMarking] = useState(false);
  const lastRequestId = useRef(0);

  const loadSnapshot = useCallback(() => {
    const requestId = ++lastRequestId.current;
    dispatch({ type: "snapshot-requested", requestId });
    trpc.notifications.list.query().then(
      (list) => dispatch({ type: "snapshot-loaded", requestId, notifications: list.notifications, unreadCount: list.unreadCount }),
      (caught: unknown) => {
        dispatch({ type: "snapshot-failed", requestId });
        setError(`Could not load notifications: ${describeTrpcError(caught)}`);
      },
    );
  }, [trpc]);

  // First paint: the snapshot does not wait for the realtime connection.
  useEffect(loadSnapshot, [loadSnapshot]);

  useChannel(notificationsChannel, { userId }, (message) => dispatch({ type: "message", message }), {
    // Anything sent between the first snapshot and the subscription is in this one.
    onSubscribed: loadSnapshot,
    onRecovered: (recovered) => {
      if (!recovered) loadSnapshot();
    },
    onError: (refusal) => setError(`Live updates stopped: ${refusal.code}`),
  });

  const markRead = async (ids?: readonly string[]): Promise<void> => {
    setMarking(true);
    setError(null);
    try {
      await trpc.notifications.markRead.mutate(ids === undefined ? undefined : { ids: [...ids] });
      // The channel echoes the change to every tab, this one included; the snapshot
      // covers a tab whose connection is down. The answer itself is not ordered against
      // channel messages, so its count could be stale (see reduceNotificationInbox).
      loadSnapshot();
    } catch (caught) {
      setError(`Could not mark read: ${describeTrpcError(caught)}`);
    } finally {
      setMarking(false);
    }
  };

  const loaded = inbox.unreadCount !== null;
  return (
    <section className="panel" aria-label="Inbox">
      <div className="row">
        <h2>
          Inbox{" "}
          {loaded && (
            <span className="badge" data-testid="notifications-unread" aria-label="unread notifications">
              {inbox.unreadCount}
            </span>
          )}
        </h2>
        <span className="status" data-state={status} data-testid="connection-status">
          {status}
        </span>
      </div>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {loaded ? (
        <>
          <div className="row">
            <span className="muted">{inbox.unreadCount === 0 ? "All caught up." : `${inbox.unreadCount} unread`}</span>
            <button type="button" className="secondary" data-testid="mark-all-read" disabled={marking} onClick={() => void markRead()}>
              Mark all read
            </button>
          </div>
          <NotificationList notifications={inbox.notifications} onMarkRead={(id) => void markRead([id])} disabled={marking} />
        </>
      ) : (
        <p className="muted">Loading notifications…</p>
      )}
    </section>
  );
}
