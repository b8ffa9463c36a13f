import type { Metadata } from "next";
import { NotificationsScreen } from "./_components/notifications-screen";

export const metadata: Metadata = { title: "Notifications · Realtime Starter" };

export default function NotificationsPage() {
  return (
    <main>
      <h1>Notifications</h1>
      <NotificationsScreen />
    </main>
  );
}
