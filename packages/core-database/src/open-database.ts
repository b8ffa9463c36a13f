import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { AppDatabase, BaseSchema, DatabaseOptions } from "./app-database";
import { lockDataDir } from "./data-dir-lock";
import { startFreshPglite } from "./pglite-cluster-snapshot";
import { assertPostgresUrl } from "./postgres-url";

/** PostgreSQL type OIDs whose default parsing differs between `pg` and PGlite. */
const INT8_OID = 20;

/** int8 (`count(*)`, bigserial) as a JS number on both engines, so repositories see one shape. */
const parseInt8 = (value: string): number => Number(value);

/** `pg`'s parsers, but int8 as a number; per pool, so the process-wide `pg.types` stays untouched. */
const int8AsNumber = ((oid: number, format?: "text" | "binary"): unknown =>
  oid === INT8_OID ? parseInt8 : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser;

function openPostgres(url: string, onError: ((error: Error) => void) | undefined): AppDatabase {
  const pool = new pg.Pool({
    connectionString: assertPostgresUrl(url),
    max: 10,
    types: { getTypeParser: int8AsNumber },
  });
  // An idle client losing its server emits on the pool; unhandled, that would kill the process.
  pool.on("error", (error) => (onError ?? ((e: Error) => console.warn("postgres pool error:", e.message)))(error));
  const db = new Kysely<BaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return wrap(db, "postgres", async () => undefined);
}

/**
 * A throwaway in-memory embedded PostgreSQL, started on its first query, so a
 * context that never queries pays nothing; it starts from a snapshot of a
 * fresh cluster (`startFreshPglite`), so most pay no initdb either. Synchronous, for test contexts
 * built without `await`; migrate it before use (`migrateToLatest`).
 *
 * @example
 * const database = createInMemoryDatabase();
 * await migrateToLatest(database, [pollsMigrations]);
 */
export function createInMemoryDatabase(): AppDatabase {
  let started: PGlite | undefined;
  const db = new Kysely<BaseSchema>({
    dialect: new PGliteDialect({ pglite: async () => (started = await startFreshPglite({ parsers: { [INT8_OID]: parseInt8 } })) }),
  });
  const engine = async (): Promise<PGlite> => {
    // The engine starts on the first query; a listener may come first.
    if (started === undefined) await sql`select 1`.execute(db);
    if (started === undefined) throw new Error("the in-memory PGlite did not start");
    return started;
  };
  return wrap(db, "pglite", async () => {
    if (started !== undefined && !started.closed) await started.close();
  }, listenOn(engine));
}

/** `AppDatabase.listen` over a PGlite engine (its own `listen`; notifications arrive after the sending transaction commits). */
function listenOn(engine: () => Promise<PGlite>): NonNullable<AppDatabase["listen"]> {
  return async (channel, onNotify) => {
    const unlisten = await (await engine()).listen(channel, onNotify);
    return () => unlisten();
  };
}

/** Where PostgreSQL's own files live inside a DATA_DIR: one level down, beside the lock file. */
export function pgliteClusterDir(dataDir: string): string {
  return join(resolve(dataDir), "pgdata");
}

async function openPgliteDir(dataDir: string): Promise<AppDatabase> {
  const release = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create({ dataDir: pgliteClusterDir(dataDir), parsers: { [INT8_OID]: parseInt8 } });
    const db = new Kysely<BaseSchema>({ dialect: new PGliteDialect({ pglite }) });
    return wrap(
      db,
      "pglite",
      async () => {
        // Kysely only closes an engine it has initialised; a never-queried one is closed here.
        if (!pglite.closed) await pglite.close();
        release();
      },
      listenOn(async () => pglite),
    );
  } catch (error) {
    release();
    throw error;
  }
}

function wrap(db: Kysely<BaseSchema>, kind: AppDatabase["kind"], afterDestroy: () => Promise<void>, listen?: AppDatabase["listen"]): AppDatabase {
  let closing: Promise<void> | undefined;
  return {
    db,
    kind,
    ...(listen === undefined ? {} : { listen }),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () =>
      (closing ??= (async () => {
        await db.destroy();
        await afterDestroy();
      })()),
  };
}

/**
 * Opens the app's database: a PostgreSQL server (`url`), the embedded
 * PostgreSQL (PGlite) in a folder (`dataDir`, refused while another live
 * process holds it), or a fresh in-memory PGlite (`inMemory`, tests; started
 * on its first query, so a context that never queries costs nothing).
 *
 * @example
 * const database = await openDatabase({ url: "postgres://postgres@127.0.0.1:5432/app" });
 * await database.ping();
 * await database.close();
 */
export async function openDatabase(options: DatabaseOptions): Promise<AppDatabase> {
  if ("url" in options) return openPostgres(options.url, options.onError);
  if ("dataDir" in options) return openPgliteDir(options.dataDir);
  // Awaited callers get a started engine, so initdb runs here (in their generous hook), not in their first query.
  const database = createInMemoryDatabase();
  await database.ping();
  return database;
}
