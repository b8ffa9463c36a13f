"use client";

import { useMemo } from "react";
import { RealtimeRoot } from "../../_components/realtime-root";
import { createAppTrpcClient } from "../../_components/trpc-client";
import { NotificationInboxPanel } from "./notification-inbox-panel";
import { SendNotificationForm } from "./send-notification-form";
import { SessionGate } from "../../_components/session-gate";
import { useSignedInUser } from "../../_components/use-signed-in-user";

/** Signed out: a sign-in link. Signed in: the live inbox, and for admins the send form. */
export function NotificationsScreen() {
  const trpc = useMemo(() => createAppTrpcClient(), []);
  const session = useSignedInUser(trpc);

  return (
    <SessionGate session={session} signedOut={<>Notifications are personal: <a href="/sign-in">sign in</a> to see yours.</>}>
      {(user) => (
        <>
          <RealtimeRoot>
            <NotificationInboxPanel trpc={trpc} userId={user.id} />
          </RealtimeRoot>
          {user.roles.includes("admin") && <SendNotificationForm trpc={trpc} />}
        </>
      )}
    </SessionGate>
  );
}
