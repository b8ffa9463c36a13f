import { sql } from "@repo/core-database";
import type { AppDatabase, BaseSchema, Transaction } from "@repo/core-database";
import { describeWithPostgres, openTestPostgresDatabase, probePostgres } from "@repo/core-database/testing";
import { createLogCapture } from "@repo/core-observability/testing";
import {
  createRealtimeTransactionRunner,
  InMemoryRealtimeBroadcaster,
  OUTBOX_RELAY_SOURCE,
  OutboxRelay,
  PostgresOutboxStore,
  realtimeOutboxMigrations,
  unitOfWork,
  withBroadcastSource,
} from "@repo/core-realtime/server";
import { RecordingEventBus } from "@repo/core-testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { notificationSent } from "../events/notification-sent.event";
import { notificationsMigrations } from "../migrations/notifications-migrations";
import { notificationsChannel } from "../realtime/notifications.channel";
import { SqlNotificationRepository } from "../repositories/sql-notification-repository";
import { sendNotificationUseCase } from "./send-notification";

/** Titles this trigger refuses when the transaction commits: a failure after the outbox record was written. */
const FAIL_AT_COMMIT = "refused at commit";

// The use case as the app binds it: the SQL repository on the outbox transaction, a relay delivering after commit.
describeWithPostgres(await probePostgres())("sendNotification through the outbox (real PostgreSQL)", () => {
  let database: AppDatabase;
  beforeAll(async () => {
    database = await openTestPostgresDatabase("notifications_outbox", [realtimeOutboxMigrations, notificationsMigrations]);
    // A deferred constraint trigger runs at COMMIT, after every statement of the transaction (the outbox insert included) succeeded.
    await sql`
      CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title = ${sql.lit(FAIL_AT_COMMIT)} THEN RAISE EXCEPTION 'refused at commit'; END IF;
        RETURN NEW;
      END $$`.execute(database.db);
    await sql`
      CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON notifications
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()`.execute(database.db);
  });
  afterAll(() => database.close());

  function setup() {
    const realtime = new InMemoryRealtimeBroadcaster();
    const bob = realtime.connect({ userId: "bob", roles: [] });
    bob.subscribe(notificationsChannel, { userId: "bob" });
    const bus = new RecordingEventBus();
    const work = unitOfWork(createRealtimeTransactionRunner(database.db), (trx: Transaction<BaseSchema>) => ({
      notifications: new SqlNotificationRepository({ db: trx }),
    }));
    const send = sendNotificationUseCase({ work, bus });
    const relay = new OutboxRelay({
      store: new PostgresOutboxStore(database.db),
      broadcaster: withBroadcastSource(realtime, realtime.sources.allow(OUTBOX_RELAY_SOURCE)),
      resolveChannel: (name) => (name === notificationsChannel.name ? notificationsChannel : undefined),
      logger: createLogCapture().logger,
    });
    return { bob, bus, send, relay };
  }

  it("stores the notification and its push together; the relay delivers the push once, with the record's message id", async () => {
    const { bob, bus, send, relay } = setup();
    const sent = await send({ userId: "bob", title: "Committed", body: "" });
    expect(bob.received).toEqual([]);
    expect(await relay.drain()).toEqual({ delivered: 1, dead: 0, retrying: 0 });
    expect(await relay.drain()).toEqual({ delivered: 0, dead: 0, retrying: 0 });
    expect(bob.payloadsOn("notifications.user.bob")).toMatchObject([{ kind: "created", notification: { id: sent.id, title: "Committed" }, unreadCount: 1 }]);
    const [record] = (await sql<{ message_id: string }>`SELECT message_id FROM realtime_outbox`.execute(database.db)).rows;
    expect(bob.received[0]?.id).toBe(record?.message_id);
    bus.expectPublished(notificationSent, { notificationId: sent.id, userId: "bob" });
  });

  it("delivers nothing, stores nothing and publishes nothing when the transaction fails after writing its outbox record", async () => {
    const { bob, bus, send, relay } = setup();
    const outboxBefore = (await sql`SELECT id FROM realtime_outbox`.execute(database.db)).rows.length;
    await expect(send({ userId: "bob", title: FAIL_AT_COMMIT, body: "" })).rejects.toThrow("refused at commit");
    expect((await sql`SELECT id FROM realtime_outbox`.execute(database.db)).rows).toHaveLength(outboxBefore);
    expect((await sql`SELECT id FROM notifications WHERE title = ${FAIL_AT_COMMIT}`.execute(database.db)).rows).toEqual([]);
    expect(await relay.drain()).toEqual({ delivered: 0, dead: 0, retrying: 0 });
    expect(bob.received).toEqual([]);
    bus.expectNotPublished(notificationSent);
  });
});
