import { sql } from "kysely";
import { createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { waitUntil } from "../__tests__/broadcaster-contract";
import type { ChannelParams } from "../channels/channel-template";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";
import { InMemoryRealtimeBroadcaster } from "../broadcast/in-memory-realtime-broadcaster";
import type { BroadcastOptions, BroadcastReceipt, IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import { withBroadcastSource } from "../broadcast/with-broadcast-source";
import { createOutboxTestDatabase, outboxRows } from "./__tests__/outbox-test-database";
import type { OutboxTestDatabase } from "./__tests__/outbox-test-database";
import { OUTBOX_RELAY_SOURCE, OutboxRelay } from "./outbox-relay";
import type { OutboxRelayClock } from "./outbox-relay";
import { PgOutboxWakeSource } from "./pg-outbox-wake-source";
import { PostgresOutboxStore } from "./postgres-outbox-store";
import { createRealtimeTransactionRunner } from "./realtime-transaction-runner";

const tickChannel = defineRealtimeChannel({ name: "tick.{streamId}", scope: "public", schema: z.object({ n: z.number() }) });
const channels = new Map<string, AnyRealtimeChannel>([[tickChannel.name, tickChannel]]);
const resolveChannel = (name: string) => channels.get(name);

/** Time that only moves when the test says so; timers are never fired (tests call `drain()`). */
function manualClock(start = 1_000_000): OutboxRelayClock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, setTimeout: () => undefined, clearTimeout: () => undefined, advance: (ms) => void (now += ms) };
}

/** Delegates to a real broadcaster, failing while `failing` says so. */
class FlakyBroadcaster implements IRealtimeBroadcaster {
  failing = false;
  constructor(readonly inner: IRealtimeBroadcaster) {}
  broadcast<D extends AnyRealtimeChannel>(channel: D, params: ChannelParams<D["name"]>, payload: ChannelPayload<D>, options?: BroadcastOptions): Promise<BroadcastReceipt> {
    if (this.failing) return Promise.reject(new Error("Redis did not answer append within 1000 ms"));
    return this.inner.broadcast(channel, params, payload, options);
  }
}

describe("OutboxRelay (real PostgreSQL)", () => {
  let database: OutboxTestDatabase;
  beforeAll(async () => {
    database = await createOutboxTestDatabase();
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    await sql`TRUNCATE realtime_outbox`.execute(database.db);
  });

  function setup(clock = manualClock()) {
    const metrics = createRealtimeMetrics(createMetricsRegistry());
    const realtime = new InMemoryRealtimeBroadcaster({ now: clock.now, metrics });
    const subscriber = realtime.connect(null);
    const flaky = new FlakyBroadcaster(withBroadcastSource(realtime, realtime.sources.allow(OUTBOX_RELAY_SOURCE)));
    const capture = createLogCapture({ level: "warn" });
    const relay = new OutboxRelay({
      store: new PostgresOutboxStore(database.db),
      broadcaster: flaky,
      resolveChannel,
      logger: capture.logger,
      clock,
      backoff: { initialMs: 1_000, maxMs: 60_000 },
      retentionMs: 10_000,
    });
    const transactions = createRealtimeTransactionRunner(database.db, { now: clock.now });
    const publish = (streamId: string, n: number) => transactions.run(({ realtime: tx }) => tx.broadcast(tickChannel, { streamId }, { n }));
    return { clock, realtime, metrics, subscriber, flaky, relay, transactions, publish };
  }

  it("delivers committed records in commit order, with the record's message id in the envelope, and marks them delivered once", async () => {
    const { subscriber, relay, publish, metrics } = setup();
    subscriber.subscribe(tickChannel, { streamId: "a" });
    const receipts = [];
    for (let n = 1; n <= 5; n++) receipts.push(await publish("a", n));
    expect(await relay.drain()).toEqual({ delivered: 5, dead: 0, retrying: 0 });
    expect(subscriber.payloadsOn("tick.a")).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })));
    expect(subscriber.received.map((m) => m.id)).toEqual(receipts.map((r) => r.messageId));
    expect((await outboxRows(database.db)).every((row) => row.outcome === "delivered" && row.settled_at !== null)).toBe(true);
    expect(await relay.drain()).toEqual({ delivered: 0, dead: 0, retrying: 0 });
    expect(subscriber.received).toHaveLength(5);
    // Delivered as the relay's source, the only one the broadcaster saw.
    expect(metrics.snapshot().messagesDeliveredBySource).toEqual({ "outbox-relay:relay": 5 });
  });

  it("delivers nothing through a broadcaster not bound to its source: the record waits, retried", async () => {
    const clock = manualClock();
    const realtime = new InMemoryRealtimeBroadcaster({ now: clock.now });
    const subscriber = realtime.connect(null);
    subscriber.subscribe(tickChannel, { streamId: "u" });
    const capture = createLogCapture({ level: "warn" });
    const relay = new OutboxRelay({ store: new PostgresOutboxStore(database.db), broadcaster: realtime, resolveChannel, logger: capture.logger, clock });
    await createRealtimeTransactionRunner(database.db, { now: clock.now }).run(({ realtime: tx }) => tx.broadcast(tickChannel, { streamId: "u" }, { n: 1 }));
    expect(await relay.drain()).toEqual({ delivered: 0, dead: 0, retrying: 1 });
    expect(subscriber.received).toEqual([]);
    expect((await outboxRows(database.db)).map((row) => row.outcome)).toEqual([null]);
  });

  it("delivers nothing for a transaction that rolled back after writing its record", async () => {
    const { subscriber, relay, transactions } = setup();
    subscriber.subscribe(tickChannel, { streamId: "r" });
    await expect(
      transactions.run(async ({ realtime }) => {
        await realtime.broadcast(tickChannel, { streamId: "r" }, { n: 1 });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await relay.drain()).toEqual({ delivered: 0, dead: 0, retrying: 0 });
    expect(subscriber.received).toEqual([]);
    expect(await outboxRows(database.db)).toEqual([]);
  });

  it("retries a failed delivery with exponential backoff, holding back later records of that channel only", async () => {
    const { clock, subscriber, flaky, relay, publish } = setup();
    subscriber.subscribe(tickChannel, { streamId: "a" });
    subscriber.subscribe(tickChannel, { streamId: "b" });
    await publish("a", 1);
    await publish("a", 2);
    flaky.failing = true;
    expect(await relay.drain()).toEqual({ delivered: 0, dead: 0, retrying: 1 });
    const [head, second] = await outboxRows(database.db);
    expect(head).toMatchObject({ attempts: 1, next_attempt_at: clock.now() + 1_000, settled_at: null });
    expect(head?.last_error).toContain("Redis did not answer");
    expect(second).toMatchObject({ attempts: 0, settled_at: null });

    flaky.failing = false;
    await publish("b", 1);
    // Channel b goes on; channel a waits for its retry time even though delivery works again.
    expect(await relay.drain()).toEqual({ delivered: 1, dead: 0, retrying: 0 });
    expect(subscriber.payloadsOn("tick.a")).toEqual([]);

    flaky.failing = true;
    clock.advance(1_000);
    expect(await relay.drain()).toMatchObject({ delivered: 0, retrying: 1 });
    expect((await outboxRows(database.db))[0]).toMatchObject({ attempts: 2, next_attempt_at: clock.now() + 2_000 });
    flaky.failing = false;
    clock.advance(1_999);
    expect(await relay.drain()).toMatchObject({ delivered: 0 });
    clock.advance(1);
    expect(await relay.drain()).toMatchObject({ delivered: 2 });
    expect(subscriber.payloadsOn("tick.a")).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("sets aside a record that can never be delivered (invalid payload) and moves its channel on", async () => {
    const { subscriber, relay, publish } = setup();
    subscriber.subscribe(tickChannel, { streamId: "d" });
    await sql`INSERT INTO realtime_outbox (channel_key, channel, params, payload, message_id, created_at, next_attempt_at)
              VALUES ('tick.d', 'tick.{streamId}', '{"streamId":"d"}', '{"n":"not a number"}', 'bad-1', 0, 0)`.execute(database.db);
    await publish("d", 2);
    expect(await relay.drain()).toEqual({ delivered: 1, dead: 1, retrying: 0 });
    expect(subscriber.payloadsOn("tick.d")).toEqual([{ n: 2 }]);
    expect((await outboxRows(database.db))[0]).toMatchObject({ outcome: "dead", message_id: "bad-1" });
  });

  it("keeps retrying a record of a channel this instance does not know (a newer instance may)", async () => {
    const { relay } = setup();
    await sql`INSERT INTO realtime_outbox (channel_key, channel, params, payload, message_id, created_at, next_attempt_at)
              VALUES ('future.x', 'future.{id}', '{"id":"x"}', '{}', 'f-1', 0, 0)`.execute(database.db);
    expect(await relay.drain()).toEqual({ delivered: 0, dead: 0, retrying: 1 });
    expect((await outboxRows(database.db))[0]).toMatchObject({ attempts: 1, settled_at: null, last_error: 'Unknown channel "future.{id}"' });
  });

  it("prunes settled records once older than the retention period, never pending ones", async () => {
    const { clock, flaky, relay, publish } = setup();
    await publish("p", 1);
    await relay.drain();
    flaky.failing = true;
    await publish("q", 1);
    await relay.drain();
    clock.advance(10_000);
    expect(await relay.prune()).toBe(0);
    clock.advance(1);
    expect(await relay.prune()).toBe(1);
    expect((await outboxRows(database.db)).map((row) => row.channel_key)).toEqual(["tick.q"]);
  });

  it("wakes on LISTEN/NOTIFY: a commit is delivered long before the fallback poll", async () => {
    const realtime = new InMemoryRealtimeBroadcaster();
    const subscriber = realtime.connect(null);
    subscriber.subscribe(tickChannel, { streamId: "w" });
    const capture = createLogCapture({ level: "warn" });
    const relay = new OutboxRelay({
      store: new PostgresOutboxStore(database.db),
      broadcaster: withBroadcastSource(realtime, realtime.sources.allow(OUTBOX_RELAY_SOURCE)),
      resolveChannel,
      logger: capture.logger,
      wake: new PgOutboxWakeSource({ connection: database.url, logger: capture.logger }),
      pollIntervalMs: 10 * 60_000,
    });
    await relay.start();
    try {
      const transactions = createRealtimeTransactionRunner(database.db);
      await transactions.run(({ realtime: tx }) => tx.broadcast(tickChannel, { streamId: "w" }, { n: 7 }));
      await waitUntil(() => subscriber.received.length === 1, 20_000);
      expect(subscriber.payloadsOn("tick.w")).toEqual([{ n: 7 }]);
    } finally {
      await relay.stop();
    }
  });
});
