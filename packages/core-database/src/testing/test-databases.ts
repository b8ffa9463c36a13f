import type { AppDatabase } from "../app-database";
import { migrateToLatest } from "../migrate-to-latest";
import type { FeatureMigrations } from "../migrate-to-latest";
import { openDatabase } from "../open-database";
import { createTestPostgresDatabase, TEST_POSTGRES_URL } from "./test-postgres";

/**
 * A fresh in-memory embedded PostgreSQL, migrated. Opening one takes a few
 * seconds (initdb runs in WASM): open it once per file in `beforeAll` with a
 * generous timeout.
 *
 * @example
 * const database = await openInMemoryDatabase([authMigrations]);
 */
export async function openInMemoryDatabase(migrations: readonly FeatureMigrations[] = []): Promise<AppDatabase> {
  const database = await openDatabase({ inMemory: true });
  await migrateToLatest(database, migrations);
  return database;
}

/**
 * A new database of this test's own on the test PostgreSQL server, migrated;
 * `close()` closes the pool and drops the database.
 *
 * @example
 * const database = await openTestPostgresDatabase("auth", [authMigrations]);
 * afterAll(() => database.close());
 */
export async function openTestPostgresDatabase(area: string, migrations: readonly FeatureMigrations[] = [], adminUrl = TEST_POSTGRES_URL): Promise<AppDatabase> {
  const created = await createTestPostgresDatabase(area, adminUrl);
  const database = await openDatabase({ url: created.url });
  try {
    await migrateToLatest(database, migrations);
  } catch (error) {
    await database.close();
    await created.drop();
    throw error;
  }
  return {
    ...database,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}
