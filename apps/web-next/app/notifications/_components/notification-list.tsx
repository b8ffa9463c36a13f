"use client";

import type { NotificationView } from "@repo/notifications/client";

/** Newest first; unread ones stand out and can be marked read one by one. */
export function NotificationList(props: {
  readonly notifications: readonly NotificationView[];
  readonly onMarkRead: (id: string) => void;
  readonly disabled: boolean;
}) {
  return (
    <>
      <ul className="notification-list" data-testid="notification-list">
        {props.notifications.map((notification) => (
          <li
            key={notification.id}
            className="notification-item"
            data-testid="notification-item"
            data-id={notification.id}
            data-read={String(notification.read)}
          >
            <div className="row">
              <strong className="notification-title">{notification.title}</strong>
              <time className="muted" dateTime={new Date(notification.createdAt).toISOString()}>
                {new Date(notification.createdAt).toLocaleString()}
              </time>
            </div>
            {notification.body !== "" && <p className="notification-body">{notification.body}</p>}
            {!notification.read && (
              <button type="button" className="link-button" disabled={props.disabled} onClick={() => props.onMarkRead(notification.id)}>
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
      {props.notifications.length === 0 && <p className="muted">No notifications yet.</p>}
    </>
  );
}
