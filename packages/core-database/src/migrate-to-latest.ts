import { Migrator } from "kysely/migration";
import type { Migration, MigrationProvider } from "kysely/migration";
import type { AppDatabase } from "./app-database";
import { DatabaseError, MigrationFailedError } from "./database-errors";

/**
 * One feature's migrations, exported from its `src/migrations/` folder: keys
 * are the file names without extension (`0001-create-users`), applied in
 * name order and never renamed once shipped.
 */
export interface FeatureMigrations {
  /** Lower-case feature name (`auth`, `polls`); names its migration table. */
  readonly feature: string;
  readonly migrations: Readonly<Record<string, Migration>>;
}

/** What ran for one feature. */
export interface FeatureMigrationReport {
  readonly feature: string;
  /** Migrations applied by this call, in order (empty when already at the latest). */
  readonly applied: readonly string[];
}

const FEATURE_NAME = /^[a-z][a-z0-9-]{0,40}$/;
const MIGRATION_NAME = /^\d{4}-[a-z0-9-]+$/;

/** The migration table of one feature: each feature keeps its own history, so features never order against each other. */
export function migrationTableOf(feature: string): string {
  return `kysely_migration_${feature.replaceAll("-", "_")}`;
}

function validate(all: readonly FeatureMigrations[]): void {
  const seen = new Set<string>();
  for (const { feature, migrations } of all) {
    if (!FEATURE_NAME.test(feature)) throw new DatabaseError("INVALID_MIGRATIONS", `Feature name "${feature}" must match ${String(FEATURE_NAME)}`);
    if (seen.has(feature)) throw new DatabaseError("INVALID_MIGRATIONS", `Two migration sets for feature "${feature}"`);
    seen.add(feature);
    for (const name of Object.keys(migrations)) {
      if (!MIGRATION_NAME.test(name)) throw new DatabaseError("INVALID_MIGRATIONS", `Migration ${feature}/${name} must be named like 0001-create-users`);
    }
  }
}

/**
 * Brings every feature's schema to its latest migration with Kysely's
 * `Migrator`: one migrator per feature with its own history table
 * (`kysely_migration_<feature>`), features in the order given. On
 * PostgreSQL each run holds Kysely's advisory lock and runs in one
 * transaction, so instances starting together apply each migration once.
 * Throws `MigrationFailedError` naming the feature and migration.
 *
 * @example
 * await migrateToLatest(database, [authMigrations, pollsMigrations]);
 */
export async function migrateToLatest(database: AppDatabase, all: readonly FeatureMigrations[]): Promise<FeatureMigrationReport[]> {
  validate(all);
  const reports: FeatureMigrationReport[] = [];
  for (const { feature, migrations } of all) {
    const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };
    const table = migrationTableOf(feature);
    const migrator = new Migrator({ db: database.db, provider, migrationTableName: table, migrationLockTableName: `${table}_lock` });
    const { error, results = [] } = await migrator.migrateToLatest();
    if (error !== undefined) {
      const failed = results.find((result) => result.status === "Error")?.migrationName ?? "(before any migration ran)";
      throw new MigrationFailedError(feature, failed, error);
    }
    reports.push({ feature, applied: results.filter((result) => result.status === "Success").map((result) => result.migrationName) });
  }
  return reports;
}
