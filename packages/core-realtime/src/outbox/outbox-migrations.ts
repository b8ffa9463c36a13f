import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * The outbox table. `id` is allocated while the writer holds its channel's
 * advisory lock (see `OutboxRealtimeBroadcaster`), so within one concrete
 * channel `id` order is commit order. Times are epoch milliseconds from the
 * application's clock (tests inject one). `settled_at` is set once a record
 * was delivered (or dead-lettered as undeliverable); the partial index keeps
 * the relay's queries on pending records only, however many settled ones
 * wait for pruning. `json` (not `jsonb`) keeps payloads exactly as written, key order included.
 */
export const createRealtimeOutbox: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      CREATE TABLE realtime_outbox (
        id bigserial PRIMARY KEY,
        channel_key text NOT NULL,
        channel text NOT NULL,
        params json NOT NULL,
        payload json NOT NULL,
        message_id text NOT NULL UNIQUE,
        created_at bigint NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at bigint NOT NULL,
        last_error text,
        settled_at bigint,
        outcome text CHECK (outcome IN ('delivered', 'dead'))
      )
    `.execute(db);
    await sql`CREATE INDEX realtime_outbox_pending ON realtime_outbox (channel_key, id) WHERE settled_at IS NULL`.execute(db);
    await sql`CREATE INDEX realtime_outbox_settled ON realtime_outbox (settled_at) WHERE settled_at IS NOT NULL`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE realtime_outbox`.execute(db);
  },
};

/**
 * The realtime layer's own migrations, applied by the app with every
 * feature's (`migrateToLatest`).
 *
 * @example
 * await migrateToLatest(database, [realtimeOutboxMigrations, pollsMigrations]);
 */
export const realtimeOutboxMigrations = {
  feature: "realtime-outbox",
  migrations: { "0001-create-realtime-outbox": createRealtimeOutbox },
} as const;
