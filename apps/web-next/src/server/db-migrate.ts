import type { FeatureMigrations } from "@repo/core-database";
import type { Logger } from "@repo/core-observability";
import type { AppEnv } from "../env";
import { databaseTargetOf, describeDatabaseTarget, openAppDatabase } from "./open-app-database";
import { startFailureMessage } from "./start-failure";

export interface DbMigrateIo {
  /** One line of the report (stdout). */
  readonly out: (line: string) => void;
  /** One line of the failure (stderr). */
  readonly err: (line: string) => void;
}

/**
 * `pnpm db:migrate`: applies every feature's migrations to DATABASE_URL, or
 * to the embedded store in DATA_DIR, prints what ran per feature and returns
 * the exit code: 0, or 1 with the failure (the failed feature/migration, or
 * DATA_DIR_IN_USE while a server holds the folder).
 *
 * @example
 * process.exitCode = await runDbMigrate(env, featureMigrations, logger, { out: console.log, err: console.error });
 */
export async function runDbMigrate(env: AppEnv, migrations: readonly FeatureMigrations[], logger: Logger, io: DbMigrateIo): Promise<number> {
  const target = databaseTargetOf(env);
  const where = Object.entries(describeDatabaseTarget(target))
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
  if (target.store === "memory") {
    io.err("db:migrate: no store to migrate: NODE_ENV=test without DATA_DIR or DATABASE_URL means a fresh in-memory database per server. Set DATA_DIR or DATABASE_URL.");
    return 2;
  }
  io.out(`db:migrate: ${where}`);
  try {
    const { database, reports } = await openAppDatabase(target, migrations, logger);
    await database.close();
    for (const report of reports) {
      io.out(report.applied.length === 0 ? `${report.feature}: up to date` : `${report.feature}: applied ${report.applied.join(", ")}`);
    }
    if (reports.length === 0) io.out("no feature has migrations yet");
    return 0;
  } catch (error) {
    logger.debug({ err: error }, "db_migrate_failed");
    io.err(startFailureMessage(error).replace(/^Start failed/, "db:migrate failed"));
    return 1;
  }
}
