import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";
import { redactPostgresUrl } from "../postgres-url";
import { testDatabaseEnv } from "./env";

/** The PostgreSQL server tests use: TEST_DATABASE_URL, DATABASE_URL, or the local trust-auth default. */
export const TEST_POSTGRES_URL = testDatabaseEnv.postgresUrl;

/**
 * True when PostgreSQL answers. A missing server is announced loudly here;
 * `describeWithPostgres` turns the answer into "fail under CI=true, skip elsewhere".
 *
 * @example
 * const postgresAvailable = await probePostgres();
 */
export async function probePostgres(url = TEST_POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  // Errors after connect() settled (server gone) would otherwise be unhandled.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch (error) {
    console.warn(
      `\n!!! PostgreSQL at ${redactPostgresUrl(url)} did not answer (${String(error)}): PostgreSQL-backed tests are SKIPPED here. Start PostgreSQL or set TEST_DATABASE_URL; under CI=true they fail instead.\n`,
    );
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * `describe` for suites that need a real PostgreSQL: runs when it answers,
 * runs (and fails) under `CI=true` when it does not, skipped otherwise.
 *
 * @example
 * describeWithPostgres(await probePostgres())("SqlUserRepository on PostgreSQL", () => { ... });
 */
export function describeWithPostgres(available: boolean): ReturnType<typeof describe.skipIf> {
  return describe.skipIf(!available && !testDatabaseEnv.isCi);
}

/** A database of one test's own on the shared server. */
export interface TestPostgresDatabase {
  /** URL of the new database (same server and user as the admin URL). */
  readonly url: string;
  readonly name: string;
  /** Drops it, ending any session still connected to it. */
  drop(): Promise<void>;
}

async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  client.on("error", (error) => console.warn("test postgres admin client:", error.message));
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a uniquely named database (`test_<area>_<uuid>`) on the test server
 * and hands back its URL; `drop()` removes it.
 *
 * @example
 * const testDb = await createTestPostgresDatabase("auth");
 * afterAll(() => testDb.drop());
 * const database = await openDatabase({ url: testDb.url });
 */
export async function createTestPostgresDatabase(area: string, adminUrl = TEST_POSTGRES_URL): Promise<TestPostgresDatabase> {
  const name = `test_${area.replace(/[^a-z0-9]/gi, "_").toLowerCase().slice(0, 20)}_${randomUUID().replaceAll("-", "")}`;
  // The name is generated from [a-z0-9_] only, so quoting it is enough.
  await withAdmin(adminUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropping: Promise<void> | undefined;
  return {
    url: url.toString(),
    name,
    drop: () =>
      (dropping ??= withAdmin(adminUrl, async (client) => {
        await client.query(`drop database if exists "${name}" with (force)`);
      })),
  };
}
