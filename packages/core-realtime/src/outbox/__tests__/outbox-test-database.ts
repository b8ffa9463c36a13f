import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { createRealtimeOutbox } from "../outbox-migrations";

const ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface OutboxTestDatabase {
  readonly db: Kysely<unknown>;
  readonly url: string;
  close(): Promise<void>;
}

/** A throwaway PostgreSQL database with the outbox table, dropped on close. */
export async function createOutboxTestDatabase(): Promise<OutboxTestDatabase> {
  const name = `outbox_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = `postgres://postgres@127.0.0.1:5432/${name}`;
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 8 }) }) });
  await createRealtimeOutbox.up(db);
  return {
    db,
    url,
    close: async () => {
      await db.destroy();
      const drop = new pg.Client({ connectionString: ADMIN_URL });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

/** Every outbox row, oldest first (assertions). */
export async function outboxRows(db: Kysely<unknown>): Promise<Record<string, unknown>[]> {
  const result = await sql<Record<string, unknown>>`
    SELECT id::text AS id, channel_key, channel, params, payload, message_id, attempts, next_attempt_at::float8 AS next_attempt_at,
           settled_at::float8 AS settled_at, outcome, last_error
    FROM realtime_outbox ORDER BY realtime_outbox.id`.execute(db); // the column, not the text alias: "10" sorts before "9"
  return result.rows;
}
