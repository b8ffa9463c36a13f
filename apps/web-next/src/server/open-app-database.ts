import { migrateToLatest, openDatabase, redactPostgresUrl } from "@repo/core-database";
import type { AppDatabase, DatabaseOptions, FeatureMigrationReport, FeatureMigrations } from "@repo/core-database";
import type { Logger } from "@repo/core-observability";
import type { AppEnv } from "../env";

/** Where this process keeps its state, derived from DATABASE_URL / DATA_DIR. */
export type DatabaseTarget =
  | { readonly store: "postgres"; readonly url: string }
  | { readonly store: "pglite"; readonly dataDir: string }
  | { readonly store: "memory" };

/**
 * DATABASE_URL set: that server. Unset: the embedded PostgreSQL in DATA_DIR;
 * no DATA_DIR (NODE_ENV=test only, see `parseEnv`): a fresh in-memory one.
 *
 * @example
 * const target = databaseTargetOf(env); // { store: "pglite", dataDir: "/app/apps/web-next/.data" }
 */
export function databaseTargetOf(env: Pick<AppEnv, "DATABASE_URL" | "DATA_DIR">): DatabaseTarget {
  if (env.DATABASE_URL !== undefined) return { store: "postgres", url: env.DATABASE_URL };
  if (env.DATA_DIR !== undefined) return { store: "pglite", dataDir: env.DATA_DIR };
  return { store: "memory" };
}

/** Log fields naming the store, the URL's password redacted. */
export function describeDatabaseTarget(target: DatabaseTarget): Record<string, string> {
  switch (target.store) {
    case "postgres":
      return { store: "postgres", url: redactPostgresUrl(target.url) };
    case "pglite":
      return { store: "pglite", dataDir: target.dataDir };
    case "memory":
      return { store: "pglite-in-memory" };
  }
}

function optionsOf(target: DatabaseTarget, logger: Logger): DatabaseOptions {
  switch (target.store) {
    case "postgres":
      return { url: target.url, onError: (error) => logger.warn({ err: error, ...describeDatabaseTarget(target) }, "database_pool_error") };
    case "pglite":
      return { dataDir: target.dataDir };
    case "memory":
      return { inMemory: true };
  }
}

export interface OpenedAppDatabase {
  readonly database: AppDatabase;
  readonly reports: readonly FeatureMigrationReport[];
}

/**
 * Opens the process's database and brings every feature to its latest
 * migration; closes it again when a migration fails. Throws
 * `DatabaseError` (`DATA_DIR_IN_USE`, `INVALID_DATABASE_URL`) or
 * `MigrationFailedError` naming the feature and migration.
 *
 * @example
 * const { database, reports } = await openAppDatabase(databaseTargetOf(env), featureMigrations, logger);
 */
export async function openAppDatabase(target: DatabaseTarget, migrations: readonly FeatureMigrations[], logger: Logger): Promise<OpenedAppDatabase> {
  const database = await openDatabase(optionsOf(target, logger));
  try {
    const reports = await migrateToLatest(database, migrations);
    return { database, reports };
  } catch (error) {
    await database.close();
    throw error;
  }
}
