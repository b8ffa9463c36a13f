import { openDatabase, migrateToLatest, sql } from "@repo/core-database";
import type { AppDatabase } from "@repo/core-database";
import { createLogger, createMetricsRegistry, createOutboxMetrics } from "@repo/core-observability";
import {
  createRealtimeTransactionRunner,
  OUTBOX_RELAY_SOURCE,
  OutboxRelay,
  PGliteOutboxWakeSource,
  PgOutboxWakeSource,
  PostgresOutboxStore,
  realtimeOutboxMigrations,
  withBroadcastSource,
} from "@repo/core-realtime/server";
import type { IOutboxWakeSource } from "@repo/core-realtime/server";
import { benchUserChannel } from "../bench-channels";
import type { TBenchPayload } from "../bench-channels";
import { startOurStack } from "../stacks/our-stack";
import type { OurStack } from "../stacks/our-stack";

/** Which engine holds the outbox: a database of its own on a PostgreSQL server, or embedded PGlite in memory. */
export type OutboxBenchEngine = { readonly kind: "postgres"; readonly url: string } | { readonly kind: "pglite" };

/** Publishes one message for writer `writer` on its own channel (`bench.user.u<writer>`); resolves when the publish call returned. */
export type PublishPath = (writer: number, payload: TBenchPayload) => Promise<void>;

/** Our realtime server, a database and a relay: the two publish paths a use case can take, on the same parts. */
export interface OutboxBenchStack {
  readonly port: number;
  /** What a use case did before ADR-021: write its change, then broadcast (two steps, not atomic). */
  readonly direct: PublishPath;
  /** ADR-021: the change and the outbox record in one transaction; the relay broadcasts after commit. */
  readonly outbox: PublishPath;
  close(): Promise<void>;
}

/** The state change both paths write: one small row, as a use case's own table would take. */
const STATE_TABLE = sql`CREATE TABLE IF NOT EXISTS bench_outbox_state (id bigserial PRIMARY KEY, channel text NOT NULL, n integer NOT NULL)`;

const insertState = (writer: number, n: number) => sql`INSERT INTO bench_outbox_state (channel, n) VALUES (${`bench.user.u${writer}`}, ${n})`;

/** A fresh database of its own on the server (dropped by `close`), so runs never see each other's records. */
async function createBenchDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_outbox_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
  const admin = await openDatabase({ url: adminUrl });
  try {
    // The name is generated from [a-z0-9_] only, so quoting it is enough.
    await sql.raw(`CREATE DATABASE "${name}"`).execute(admin.db);
  } finally {
    await admin.close();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = await openDatabase({ url: adminUrl });
      try {
        await sql.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).execute(again.db);
      } finally {
        await again.close();
      }
    },
  };
}

/**
 * Starts the outbox benchmark's stack in this process: our Socket.IO server
 * with `bench.user.{userId}`, the database (migrated with the outbox table and
 * a state table), a relay wired as the app wires it (commit hook, the engine's
 * wake source, the fallback poll) delivering through the server's broadcaster.
 *
 * @example
 * const stack = await startOutboxBenchStack({ kind: "pglite" });
 * await stack.outbox(0, payloadOf(100, 1, Date.now()));
 */
export async function startOutboxBenchStack(engine: OutboxBenchEngine): Promise<OutboxBenchStack> {
  const owned = engine.kind === "postgres" ? await createBenchDatabase(engine.url) : undefined;
  let database: AppDatabase | undefined;
  let realtime: OurStack | undefined;
  let relay: OutboxRelay | undefined;
  try {
    database = owned === undefined ? await openDatabase({ inMemory: true }) : await openDatabase({ url: owned.url });
    await migrateToLatest(database, [realtimeOutboxMigrations]);
    await STATE_TABLE.execute(database.db);
    realtime = await startOurStack({ host: "127.0.0.1", port: 0 }, [benchUserChannel]);
    const logger = createLogger({ level: "warn", name: "bench-outbox", pretty: false, destination: process.stderr });
    const wake: IOutboxWakeSource | undefined =
      owned !== undefined ? new PgOutboxWakeSource({ connection: owned.url, logger }) : database.listen === undefined ? undefined : new PGliteOutboxWakeSource({ listen: database.listen });
    const started: OutboxRelay = new OutboxRelay({
      store: new PostgresOutboxStore(database.db),
      broadcaster: withBroadcastSource(realtime.server.broadcaster, realtime.server.broadcaster.sources.allow(OUTBOX_RELAY_SOURCE)),
      resolveChannel: (name) => (name === benchUserChannel.name ? benchUserChannel : undefined),
      logger,
      metrics: createOutboxMetrics(createMetricsRegistry()),
      ...(wake === undefined ? {} : { wake }),
    });
    relay = started;
    await started.start();
    const transactions = createRealtimeTransactionRunner(database.db, { afterCommit: [() => started.kick()] });
    const db = database.db;
    // The direct path speaks as a use case would (the source gate).
    const broadcaster = withBroadcastSource(realtime.server.broadcaster, realtime.server.broadcaster.sources.allow({ kind: "use-case", name: "bench.direct" }));
    const stack = realtime;
    const openDb = database;
    return {
      port: realtime.port,
      direct: async (writer, payload) => {
        await insertState(writer, payload.step).execute(db);
        await broadcaster.broadcast(benchUserChannel, { userId: `u${writer}` }, payload);
      },
      outbox: (writer, payload) =>
        transactions.run(async ({ trx, realtime: inTransaction }) => {
          await insertState(writer, payload.step).execute(trx);
          await inTransaction.broadcast(benchUserChannel, { userId: `u${writer}` }, payload);
        }),
      close: async () => {
        await started.stop();
        await stack.close();
        await openDb.close();
        await owned?.drop();
      },
    };
  } catch (error) {
    await relay?.stop();
    await realtime?.close();
    await database?.close();
    await owned?.drop();
    throw error;
  }
}
