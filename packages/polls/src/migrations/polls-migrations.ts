import type { FeatureMigrations } from "@repo/core-database";
import { createPolls } from "./0001-create-polls";

/**
 * The polls feature's schema history (ADR-020): names never change once
 * shipped; a new migration gets the next number.
 *
 * @example
 * await migrateToLatest(database, [pollsMigrations]);
 */
export const pollsMigrations: FeatureMigrations = {
  feature: "polls",
  migrations: {
    "0001-create-polls": createPolls,
  },
};
