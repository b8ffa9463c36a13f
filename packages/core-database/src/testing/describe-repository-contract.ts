import { afterAll, beforeAll, describe } from "vitest";
import type { AppDatabase } from "../app-database";
import type { FeatureMigrations } from "../migrate-to-latest";
import { openInMemoryDatabase, openTestPostgresDatabase } from "./test-databases";
import { describeWithPostgres, probePostgres } from "./test-postgres";

/** What a contract suite gets: the engine's name and its database, open (and migrated) from `beforeAll` on. */
export interface RepositoryContractContext {
  readonly kind: AppDatabase["kind"];
  /** The database of this run; call it inside hooks and tests, not while collecting. */
  database(): AppDatabase;
}

export interface RepositoryContractOptions {
  /** Applied to each fresh database before the suite runs. */
  readonly migrations?: readonly FeatureMigrations[];
}

/** Opening PGlite runs initdb in WASM: seconds on an idle machine, much more on a loaded one. */
const OPEN_TIMEOUT_MS = 180_000;

// Probed once per test file that imports the kit; a missing server prints one loud banner.
const postgresAvailable = await probePostgres();

function runOn(
  describeFn: typeof describe | ReturnType<typeof describe.skipIf>,
  label: string,
  kind: AppDatabase["kind"],
  open: () => Promise<AppDatabase>,
  suite: (context: RepositoryContractContext) => void,
): void {
  describeFn(label, () => {
    let database: AppDatabase | undefined;
    beforeAll(async () => {
      database = await open();
    }, OPEN_TIMEOUT_MS);
    afterAll(async () => {
      await database?.close();
    }, OPEN_TIMEOUT_MS);
    suite({
      kind,
      database: () => {
        if (database === undefined) throw new Error(`the ${kind} database is not open yet: call database() inside a test or hook`);
        return database;
      },
    });
  });
}

/**
 * Runs one repository contract suite against both engines: an in-memory
 * PGlite, and a database of its own on the test PostgreSQL (created, then
 * dropped). PostgreSQL missing: loud skip outside CI, failure under CI=true.
 *
 * @example
 * describeRepositoryContract("SqlUserRepository", ({ database }) => {
 *   it("finds a created user by name", async () => { ... new SqlUserRepository(database()) ... });
 * }, { migrations: [authMigrations] });
 */
export function describeRepositoryContract(name: string, suite: (context: RepositoryContractContext) => void, options: RepositoryContractOptions = {}): void {
  const migrations = options.migrations ?? [];
  runOn(describe, `${name} on PGlite`, "pglite", () => openInMemoryDatabase(migrations), suite);
  runOn(describeWithPostgres(postgresAvailable), `${name} on PostgreSQL`, "postgres", () => openTestPostgresDatabase(name, migrations), suite);
}
