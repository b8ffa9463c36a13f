import type { FeatureMigrations } from "@repo/core-database";
import { createUsers } from "./0001-create-users";

/**
 * The auth feature's schema history (ADR-020): applied first, since other
 * features' rows name users. Names are never changed once shipped.
 *
 * @example
 * await migrateToLatest(database, [authMigrations]);
 */
export const authMigrations: FeatureMigrations = {
  feature: "auth",
  migrations: {
    "0001-create-users": createUsers,
  },
};
