import { sql } from "@repo/core-database";
import type { AppDatabase, FeatureMigrations } from "@repo/core-database";

/**
 * A test-only feature with one tiny table, applied through the same path as
 * the features' own (`startServer({ migrations })` / `runDbMigrate`), so
 * restart tests do not depend on which feature already keeps state in SQL.
 */
export const testNotesMigrations: FeatureMigrations = {
  feature: "test-notes",
  migrations: {
    "0001-create-test-notes": {
      up: async (db) => {
        await db.schema.createTable("test_notes").addColumn("body", "text", (column) => column.primaryKey()).execute();
      },
    },
  },
};

/** A migration that always fails, to check the failure names its feature and migration. */
export const brokenMigrations: FeatureMigrations = {
  feature: "test-broken",
  migrations: {
    "0001-ok": { up: async (db) => void (await sql`create table test_broken_ok (id int)`.execute(db)) },
    "0002-breaks": { up: async (db) => void (await sql`select * from a_table_that_does_not_exist`.execute(db)) },
  },
};

export async function addNote(database: AppDatabase, body: string): Promise<void> {
  await sql`insert into test_notes (body) values (${body})`.execute(database.db);
}

export async function listNotes(database: AppDatabase): Promise<string[]> {
  const { rows } = await sql<{ body: string }>`select body from test_notes order by body`.execute(database.db);
  return rows.map((row) => row.body);
}
