import type { SendNotification, TSendNotificationInput } from "../use-cases/send-notification";

/**
 * A few notifications for the auth dev seed users (`alice`, `bob`: ids from
 * `@repo/auth`'s DEV_SEED_USERS). Fixed ids make seeding idempotent, so two
 * instances seeding one database, or a restart, store each notification once.
 */
export const DEV_SEED_NOTIFICATIONS: readonly (TSendNotificationInput & { readonly id: string })[] = [
  { id: "seed-alice-welcome", userId: "alice", title: "Welcome, alice", body: "You are an admin: send bob a notification from /notifications." },
  { id: "seed-alice-poll", userId: "alice", title: "Your poll is open", body: "\"Lunch?\" is taking votes on /polls." },
  { id: "seed-bob-welcome", userId: "bob", title: "Welcome, bob", body: "Notifications for you appear here live." },
  { id: "seed-bob-poll", userId: "bob", title: "alice asks: Lunch?", body: "Cast your vote on /polls." },
  { id: "seed-bob-tip", userId: "bob", title: "Tip", body: "Open this page in two tabs: marking one read updates both badges." },
];

/**
 * Sends the seed notifications through the real use case (so counts and
 * pushes are real), a minute apart and ending a minute ago, so the list
 * shows the last seed first (sent in one millisecond, they would sort by id).
 *
 * @example
 * await seedNotifications(container.get(NotificationsSymbols.sendNotification));
 */
export async function seedNotifications(
  send: SendNotification,
  notifications: readonly (TSendNotificationInput & { readonly id: string })[] = DEV_SEED_NOTIFICATIONS,
  now: () => number = Date.now,
): Promise<void> {
  const start = now();
  for (const [i, notification] of notifications.entries()) {
    await send({ ...notification, createdAt: start - (notifications.length - i) * 60_000 });
  }
}
