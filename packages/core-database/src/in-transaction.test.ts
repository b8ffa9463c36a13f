import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AppDatabase } from "./app-database";
import { inTransaction } from "./in-transaction";
import { openTestPostgresDatabase, probePostgres, describeWithPostgres } from "./testing";

type Tables = { items: { id: string } };

describeWithPostgres(await probePostgres())("inTransaction (real PostgreSQL)", () => {
  let database: AppDatabase;
  beforeAll(async () => {
    database = await openTestPostgresDatabase("in_transaction");
    await sql`CREATE TABLE items (id text PRIMARY KEY)`.execute(database.db);
  });
  afterAll(() => database.close());

  it("opens its own transaction on a plain database: a failure rolls back everything the body wrote", async () => {
    const db = database.db.$extendTables<Tables>();
    await expect(
      inTransaction(db, async (trx) => {
        await trx.insertInto("items").values({ id: "own" }).execute();
        throw new Error("body failed");
      }),
    ).rejects.toThrow("body failed");
    expect(await db.selectFrom("items").selectAll().execute()).toEqual([]);
  });

  it("joins the caller's transaction: the write rolls back with the caller's", async () => {
    const db = database.db.$extendTables<Tables>();
    await expect(
      db.transaction().execute(async (outer) => {
        await inTransaction<object & Tables, void>(outer, async (trx) => {
          expect(trx).toBe(outer);
          await trx.insertInto("items").values({ id: "joined" }).execute();
        });
        throw new Error("caller failed after the join");
      }),
    ).rejects.toThrow("caller failed");
    expect(await db.selectFrom("items").selectAll().execute()).toEqual([]);
    await inTransaction(db, (trx) => trx.insertInto("items").values({ id: "kept" }).execute());
    expect(await db.selectFrom("items").selectAll().execute()).toEqual([{ id: "kept" }]);
  });
});
