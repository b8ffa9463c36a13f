import type { FeatureMigrations } from "@repo/core-database";
import { createNotifications } from "./0001-create-notifications";

/**
 * The notifications feature's schema history, applied by the app with every
 * feature's (`migrateToLatest`). Names are never changed once shipped.
 *
 * @example
 * await migrateToLatest(database, [notificationsMigrations]);
 */
export const notificationsMigrations: FeatureMigrations = {
  feature: "notifications",
  migrations: { "0001-create-notifications": createNotifications },
};
