import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { createLogCapture } from "@repo/core-observability/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { waitUntil } from "../__tests__/broadcaster-contract";
import type { ChannelParams } from "../channels/channel-template";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";
import type { BroadcastOptions, BroadcastReceipt, IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import { createOutboxTestDatabase } from "./__tests__/outbox-test-database";
import type { OutboxTestDatabase } from "./__tests__/outbox-test-database";
import { OutboxRelay } from "./outbox-relay";
import { PgOutboxWakeSource } from "./pg-outbox-wake-source";
import { PostgresOutboxStore } from "./postgres-outbox-store";
import { createRealtimeTransactionRunner } from "./realtime-transaction-runner";

const counterChannel = defineRealtimeChannel({ name: "counter.{id}", scope: "public", schema: z.object({ n: z.number() }) });

interface Delivery {
  readonly relay: string;
  readonly channel: string;
  readonly n: number;
  readonly messageId: string;
}

/** Records every delivery, in the order deliveries happened across both relays. */
class RecordingBroadcaster implements IRealtimeBroadcaster {
  constructor(
    readonly relay: string,
    readonly log: Delivery[],
  ) {}
  broadcast<D extends AnyRealtimeChannel>(channel: D, params: ChannelParams<D["name"]>, payload: ChannelPayload<D>, options: BroadcastOptions = {}): Promise<BroadcastReceipt> {
    const name = `counter.${(params as { id: string }).id}`;
    this.log.push({ relay: this.relay, channel: name, n: (payload as { n: number }).n, messageId: options.messageId ?? "" });
    return Promise.resolve({ channel: name, seq: 0, epoch: "e", emittedAt: 0, delivered: 1, messageId: options.messageId });
  }
}

const CHANNELS = 10;
const PER_CHANNEL = 200;

describe("two relays on one outbox under load (real PostgreSQL)", () => {
  let database: OutboxTestDatabase;
  const pools: Kysely<unknown>[] = [];
  beforeAll(async () => {
    database = await createOutboxTestDatabase();
  });
  afterAll(async () => {
    for (const pool of pools) await pool.destroy();
    await database.close();
  });

  it(`delivers each of ${CHANNELS * PER_CHANNEL} records exactly once, in commit order on every channel`, async () => {
    const log: Delivery[] = [];
    const capture = createLogCapture({ level: "warn" });
    // Each relay has its own connection pool and listener, as two app instances would.
    const relays = ["A", "B"].map((name) => {
      const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 5 }) }) });
      pools.push(db);
      return new OutboxRelay({
        store: new PostgresOutboxStore(db),
        broadcaster: new RecordingBroadcaster(name, log),
        resolveChannel: (channel) => (channel === counterChannel.name ? counterChannel : undefined),
        logger: capture.logger,
        wake: new PgOutboxWakeSource({ connection: database.url, logger: capture.logger }),
        pollIntervalMs: 200,
        batchSize: 50,
      });
    });
    await Promise.all(relays.map((relay) => relay.start()));
    try {
      const transactions = createRealtimeTransactionRunner(database.db);
      // Writers commit while both relays drain: 4 concurrent writers, each record its own transaction.
      const committed: string[] = [];
      const jobs = Array.from({ length: CHANNELS * PER_CHANNEL }, (_, i) => ({ id: `c${i % CHANNELS}`, n: Math.floor(i / CHANNELS) + 1 }));
      const perChannelNext = new Map<string, number>();
      let cursor = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (cursor < jobs.length) {
            const job = jobs[cursor++]!;
            // Numbers are taken inside the transaction, under the channel's write lock: commit order is n order.
            await transactions.run(async ({ trx, realtime }) => {
              await realtime.broadcast(counterChannel, { id: job.id }, { n: 0 });
              const n = (perChannelNext.get(job.id) ?? 0) + 1;
              perChannelNext.set(job.id, n);
              await sql`UPDATE realtime_outbox SET payload = ${JSON.stringify({ n })}::json
                        WHERE id = (SELECT max(id) FROM realtime_outbox WHERE channel_key = ${`counter.${job.id}`})`.execute(trx);
              committed.push(job.id);
            });
          }
        }),
      );
      expect(committed).toHaveLength(CHANNELS * PER_CHANNEL);
      await waitUntil(() => log.length >= CHANNELS * PER_CHANNEL, 120_000);
      // Give a duplicate, if there were one, time to show up.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(log).toHaveLength(CHANNELS * PER_CHANNEL);
      expect(new Set(log.map((d) => d.messageId)).size).toBe(CHANNELS * PER_CHANNEL);
      for (let c = 0; c < CHANNELS; c++) {
        const ns = log.filter((d) => d.channel === `counter.c${c}`).map((d) => d.n);
        expect(ns).toEqual(Array.from({ length: PER_CHANNEL }, (_, i) => i + 1));
      }
      const pending = await sql<{ count: string }>`SELECT count(*) AS count FROM realtime_outbox WHERE settled_at IS NULL`.execute(database.db);
      expect(Number(pending.rows[0]?.count)).toBe(0);
      // Both relays took part (each claims whole channels, so neither waits for the other).
      expect(new Set(log.map((d) => d.relay))).toEqual(new Set(["A", "B"]));
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }
  }, 180_000);
});
