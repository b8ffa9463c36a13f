import type { SendNotification, TSendNotificationInput } from "../use-cases/send-notification";

/**
 * A few notifications for the auth dev seed users (`alice`, `bob`: ids from
 * `@repo/auth`'s DEV_SEED_USERS). Fixed ids make seeding idempotent, so two
 * instances seeding one Redis, or a restart, store each notification once.
 */
export const DEV_SEED_NOTIFICATIONS: readonly (TSendNotificationInput & { readonly id: string })[] = [
  { id: "seed-alice-welcome", userId: "alice", title: "Welcome, alice", body: "You are an admin: send bob a notification from /notifications." },
  { id: "seed-alice-poll", userId: "alice", title: "Your poll is open", body: "\"Lunch?\" is taking votes on /polls." },
  { id: "seed-bob-welcome", userId: "bob", title: "Welcome, bob", body: "Notifications for you appear here live." },
  { id: "seed-bob-poll", userId: "bob", title: "alice asks: Lunch?", body: "Cast your vote on /polls." },
  { id: "seed-bob-tip", userId: "bob", title: "Tip", body: "Open this page in two tabs: marking one read updates both badges." },
];

/**
 * Sends the seed notifications through the real use case (so counts and pushes are real).
 *
 * @example
 * await seedNotifications(container.get(NotificationsSymbols.sendNotification));
 */
export async function seedNotifications(
  send: SendNotification,
  notifications: readonly (TSendNotificationInput & { readonly id: string })[] = DEV_SEED_NOTIFICATIONS,
): Promise<void> {
  // In order, so createdAt (and the list order) follows the seed order.
  for (const notification of notifications) await send(notification);
}
