"use client";

import { useMemo } from "react";
import { RealtimeRoot } from "../../_components/realtime-root";
import { createAppTrpcClient } from "../../_components/trpc-client";
import { NotificationInboxPanel } from "./notification-inbox-panel";
import { SendNotificationForm } from "./send-notification-form";
import { useSignedInUser } from "../../_components/use-signed-in-user";

/** Signed out: a sign-in link. Signed in: the live inbox, and for admins the send form. */
export function NotificationsScreen() {
  const trpc = useMemo(() => createAppTrpcClient(), []);
  const session = useSignedInUser(trpc);

  switch (session.state) {
    case "loading":
      return <p className="muted">Loading…</p>;
    case "failed":
      return (
        <p className="error" role="alert">
          Could not load your session: {session.message}
        </p>
      );
    case "signed-out":
      return (
        <section className="panel">
          <p>
            Notifications are personal: <a href="/sign-in">sign in</a> to see yours.
          </p>
        </section>
      );
    case "signed-in":
      return (
        <>
          <RealtimeRoot>
            <NotificationInboxPanel trpc={trpc} userId={session.user.id} />
          </RealtimeRoot>
          {session.user.roles.includes("admin") && <SendNotificationForm trpc={trpc} />}
        </>
      );
  }
}
