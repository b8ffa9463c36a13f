import { sql } from "kysely";
import type { Kysely } from "kysely";
import { z } from "zod";
import { OUTBOX_RELAY_LOCK_SPACE, toOutboxRecord } from "./outbox-record";
import type { OutboxRecord } from "./outbox-record";
import type { IOutboxStore, OutboxChannelDrain, OutboxDeliveryOutcome, OutboxStats } from "./outbox-store";

const ZLocked = z.object({ locked: z.boolean() });
const ZChannelKey = z.object({ channel_key: z.string() });
const ZDue = z.object({ next_attempt_at: z.coerce.number() });
const ZStats = z.object({ pending: z.coerce.number().int(), oldest: z.coerce.number().nullable() });
const ZCount = z.object({ count: z.coerce.number().int() });

/**
 * `IOutboxStore` in SQL that PostgreSQL and PGlite both run. A relay claims a
 * whole concrete channel with a transaction-scoped advisory lock
 * (`pg_try_advisory_xact_lock`: a busy channel is skipped, never waited for)
 * and holds it while it delivers, so with any number of instances one relay
 * at a time delivers a channel, in `id` (commit) order; the records are also
 * locked `FOR UPDATE`. A crash rolls the claim back and another relay
 * delivers the same records again: at least once, with the message id the
 * client de-duplicates on.
 *
 * @example
 * const relay = new OutboxRelay({ store: new PostgresOutboxStore(database.db), broadcaster, channels });
 */
export class PostgresOutboxStore<S = unknown> implements IOutboxStore {
  readonly #db: Kysely<unknown>;

  /** Any Kysely database: the store writes raw SQL and names no table of its schema. */
  constructor(db: Kysely<S>) {
    this.#db = db as unknown as Kysely<unknown>;
  }

  async dueChannels(now: number, limit: number): Promise<readonly string[]> {
    const result = await sql`
      SELECT channel_key FROM (
        SELECT DISTINCT ON (channel_key) channel_key, id, next_attempt_at
        FROM realtime_outbox WHERE settled_at IS NULL ORDER BY channel_key, id
      ) AS heads
      WHERE next_attempt_at <= ${now} ORDER BY id LIMIT ${limit}
    `.execute(this.#db);
    return result.rows.map((row) => ZChannelKey.parse(row).channel_key);
  }

  drainChannel(
    channelKey: string,
    now: number,
    limit: number,
    deliver: (record: OutboxRecord) => Promise<OutboxDeliveryOutcome>,
  ): Promise<OutboxChannelDrain> {
    return this.#db.transaction().execute(async (trx) => {
      const lock = await sql`SELECT pg_try_advisory_xact_lock(${OUTBOX_RELAY_LOCK_SPACE}::int4, hashtext(${channelKey})) AS locked`.execute(trx);
      if (!ZLocked.parse(lock.rows[0]).locked) return { claimed: false, delivered: 0, dead: 0, retryAt: undefined, more: false };
      // Ordered by the bigint column, not the text alias (which would put "15" before "4").
      const result = await sql`
        SELECT id::text AS id, channel_key, channel, params, payload, message_id, created_at::float8 AS created_at, attempts,
               next_attempt_at::float8 AS next_attempt_at
        FROM realtime_outbox WHERE channel_key = ${channelKey} AND settled_at IS NULL
        ORDER BY realtime_outbox.id LIMIT ${limit + 1} FOR UPDATE
      `.execute(trx);
      const head = result.rows[0];
      // Another relay settled it meanwhile, or it waits for its retry time.
      if (head === undefined || ZDue.parse(head).next_attempt_at > now) {
        return { claimed: true, delivered: 0, dead: 0, retryAt: undefined, more: false };
      }
      const records = result.rows.slice(0, limit).map(toOutboxRecord);
      const delivered: string[] = [];
      let dead = 0;
      let retryAt: number | undefined;
      for (const record of records) {
        const outcome = await deliver(record);
        if (outcome.kind === "delivered") {
          delivered.push(record.id);
          continue;
        }
        if (outcome.kind === "dead") {
          dead++;
          await sql`UPDATE realtime_outbox SET settled_at = ${now}, outcome = 'dead', attempts = attempts + 1, last_error = ${outcome.error}
                    WHERE id = ${record.id}::bigint`.execute(trx);
          continue;
        }
        retryAt = outcome.nextAttemptAt;
        await sql`UPDATE realtime_outbox SET attempts = attempts + 1, next_attempt_at = ${outcome.nextAttemptAt}, last_error = ${outcome.error}
                  WHERE id = ${record.id}::bigint`.execute(trx);
        break;
      }
      if (delivered.length > 0) {
        const ids = sql.join(delivered.map((id) => sql`${id}::bigint`));
        await sql`UPDATE realtime_outbox SET settled_at = ${now}, outcome = 'delivered' WHERE id IN (${ids})`.execute(trx);
      }
      return { claimed: true, delivered: delivered.length, dead, retryAt, more: retryAt === undefined && result.rows.length > limit };
    });
  }

  async prune(settledBefore: number, limit: number): Promise<number> {
    const result = await sql`
      WITH doomed AS (
        SELECT id FROM realtime_outbox WHERE settled_at IS NOT NULL AND settled_at < ${settledBefore} LIMIT ${limit}
      ), deleted AS (
        DELETE FROM realtime_outbox WHERE id IN (SELECT id FROM doomed) RETURNING 1
      )
      SELECT count(*) AS count FROM deleted
    `.execute(this.#db);
    return ZCount.parse(result.rows[0]).count;
  }

  async stats(): Promise<OutboxStats> {
    const result = await sql`
      SELECT count(*) AS pending, min(created_at)::float8 AS oldest FROM realtime_outbox WHERE settled_at IS NULL
    `.execute(this.#db);
    const row = ZStats.parse(result.rows[0]);
    return { pending: row.pending, oldestCreatedAt: row.oldest };
  }
}
