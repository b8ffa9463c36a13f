import { articlesMigrations } from "@repo/articles";
import { authMigrations } from "@repo/auth";
import type { FeatureMigrations } from "@repo/core-database";
import { realtimeOutboxMigrations } from "@repo/core-realtime/server";
import { notificationsMigrations } from "@repo/notifications";
import { pollsMigrations } from "@repo/polls";

/**
 * Every feature's migrations, applied in this order at start-up (and by
 * `pnpm db:migrate`) before any feature is bound. Each feature keeps its own
 * history table, so the order only matters for foreign keys across features.
 * The feature generator adds lines above the anchor. The realtime layer's
 * outbox table (ADR-021) comes first: features write their broadcasts there.
 */
export const featureMigrations: readonly FeatureMigrations[] = [
  realtimeOutboxMigrations,
  authMigrations,
  notificationsMigrations,
  pollsMigrations,
  articlesMigrations,
  // @anchor:feature-migrations
];
