import { sql } from "kysely";
import type { Kysely } from "kysely";
import { expect, it } from "vitest";
import { migrateToLatest, migrationTableOf } from "./migrate-to-latest";
import type { FeatureMigrations } from "./migrate-to-latest";
import { describeRepositoryContract } from "./testing";

const createThings = {
  up: async (db: Kysely<unknown>) => {
    await db.schema.createTable("things").addColumn("id", "integer", (column) => column.primaryKey()).execute();
  },
};
const addName = {
  up: async (db: Kysely<unknown>) => {
    await db.schema.alterTable("things").addColumn("name", "text", (column) => column.notNull().defaultTo("unnamed")).execute();
  },
};
const broken = {
  up: async (db: Kysely<unknown>) => {
    await sql`select * from no_such_table`.execute(db);
  },
};

const v1: FeatureMigrations = { feature: "things", migrations: { "0001-create-things": createThings } };
const v2: FeatureMigrations = { feature: "things", migrations: { "0001-create-things": createThings, "0002-add-name": addName } };

describeRepositoryContract("migrateToLatest", ({ database }) => {
  it("applies every migration to an empty database, then nothing on a second run", async () => {
    const empty = { feature: "empty-feature", migrations: {} };
    expect(await migrateToLatest(database(), [empty])).toEqual([{ feature: "empty-feature", applied: [] }]);
    expect(await migrateToLatest(database(), [v1])).toEqual([{ feature: "things", applied: ["0001-create-things"] }]);
    expect(await migrateToLatest(database(), [v1])).toEqual([{ feature: "things", applied: [] }]);
  });

  it("brings a database at the previous version to the latest, keeping its rows", async () => {
    await sql`insert into things (id) values (1)`.execute(database().db);
    expect(await migrateToLatest(database(), [v2])).toEqual([{ feature: "things", applied: ["0002-add-name"] }]);
    const { rows } = await sql<{ id: number; name: string }>`select id, name from things`.execute(database().db);
    expect(rows).toEqual([{ id: 1, name: "unnamed" }]);
    const history = await sql<{ name: string }>`select name from ${sql.table(migrationTableOf("things"))} order by name`.execute(database().db);
    expect(history.rows.map((row) => row.name)).toEqual(["0001-create-things", "0002-add-name"]);
  });

  it("keeps each feature's history apart, so one feature's new migration never orders against another's", async () => {
    const other: FeatureMigrations = { feature: "other", migrations: { "0001-create-other": { up: async (db: Kysely<unknown>) => db.schema.createTable("other").addColumn("id", "integer").execute() } } };
    expect(await migrateToLatest(database(), [v2, other])).toEqual([
      { feature: "things", applied: [] },
      { feature: "other", applied: ["0001-create-other"] },
    ]);
  });

  it("throws an error naming the feature and the migration that failed", async () => {
    const failing: FeatureMigrations = { feature: "failing", migrations: { "0001-broken": broken } };
    const failure = migrateToLatest(database(), [failing]);
    await expect(failure).rejects.toMatchObject({ code: "MIGRATION_FAILED", feature: "failing", migration: "0001-broken" });
    await expect(failure).rejects.toThrow(/^Migration failing\/0001-broken failed: .*no_such_table/);
  });

  it("refuses badly named features and migrations before touching the database", async () => {
    await expect(migrateToLatest(database(), [{ feature: "Bad Name", migrations: {} }])).rejects.toMatchObject({ code: "INVALID_MIGRATIONS" });
    await expect(migrateToLatest(database(), [{ feature: "ok", migrations: { "create-users": createThings } }])).rejects.toMatchObject({ code: "INVALID_MIGRATIONS" });
    await expect(migrateToLatest(database(), [v1, v1])).rejects.toMatchObject({ code: "INVALID_MIGRATIONS" });
  });
});
