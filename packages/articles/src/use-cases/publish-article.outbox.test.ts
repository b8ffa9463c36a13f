import { sql } from "@repo/core-database";
import type { AppDatabase } from "@repo/core-database";
import { describeWithPostgres, openTestPostgresDatabase, probePostgres } from "@repo/core-database/testing";
import { createLogCapture } from "@repo/core-observability/testing";
import { createRealtimeTransactionRunner, InMemoryRealtimeBroadcaster, OUTBOX_RELAY_SOURCE, OutboxRelay, PostgresOutboxStore, realtimeOutboxMigrations, withBroadcastSource } from "@repo/core-realtime/server";
import { RecordingEventBus } from "@repo/core-testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { selectArticlesUnitOfWork } from "../di/bind-articles-services";
import { articlePublished } from "../events/article-published.event";
import { articlesMigrations } from "../migrations/articles-migrations";
import { articlesFeedChannel } from "../realtime/articles-feed.channel";
import { publishArticleUseCase } from "./publish-article";

/** Titles this trigger refuses when the transaction commits: a failure after the outbox record was written. */
const FAIL_AT_COMMIT = "refused at commit";

// The use case as the app binds it (selectArticlesUnitOfWork on the outbox runner), a relay delivering after commit.
describeWithPostgres(await probePostgres())("publishArticle through the outbox (real PostgreSQL)", () => {
  let database: AppDatabase;
  beforeAll(async () => {
    database = await openTestPostgresDatabase("articles_outbox", [realtimeOutboxMigrations, articlesMigrations]);
    // A deferred constraint trigger runs at COMMIT, after every statement of the transaction (the outbox insert included) succeeded.
    await sql`
      CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title = ${sql.lit(FAIL_AT_COMMIT)} THEN RAISE EXCEPTION 'refused at commit'; END IF;
        RETURN NEW;
      END $$`.execute(database.db);
    await sql`
      CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON articles
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()`.execute(database.db);
  });
  afterAll(() => database.close());

  function setup() {
    const realtime = new InMemoryRealtimeBroadcaster();
    const reader = realtime.connect(null);
    reader.subscribe(articlesFeedChannel, {});
    const bus = new RecordingEventBus();
    const transactions = createRealtimeTransactionRunner(database.db);
    const work = selectArticlesUnitOfWork({ config: { env: "production", sessionSecret: "s", sessionTtlSeconds: 60, secureCookies: true }, database, realtime, realtimeSources: realtime.sources, transactions });
    const publish = publishArticleUseCase({ work, bus });
    const relay = new OutboxRelay({
      store: new PostgresOutboxStore(database.db),
      broadcaster: withBroadcastSource(realtime, realtime.sources.allow(OUTBOX_RELAY_SOURCE)),
      resolveChannel: (name) => (name === articlesFeedChannel.name ? articlesFeedChannel : undefined),
      logger: createLogCapture().logger,
    });
    return { reader, bus, publish, relay };
  }

  it("stores the article and its feed item together; the relay delivers the item once, with the record's message id", async () => {
    const { reader, bus, publish, relay } = setup();
    const { id } = await publish({ title: "Committed", body: "Stored with its feed item", authorId: "alice" });
    expect(reader.received).toEqual([]);
    expect(await relay.drain()).toEqual({ delivered: 1, dead: 0, retrying: 0 });
    expect(await relay.drain()).toEqual({ delivered: 0, dead: 0, retrying: 0 });
    expect(reader.payloadsOn("articles.feed")).toMatchObject([{ id, title: "Committed", excerpt: "Stored with its feed item", authorId: "alice" }]);
    const [record] = (await sql<{ message_id: string }>`SELECT message_id FROM realtime_outbox WHERE channel_key = 'articles.feed'`.execute(database.db)).rows;
    expect(reader.received[0]?.id).toBe(record?.message_id);
    bus.expectPublished(articlePublished, { id, title: "Committed" });
  });

  it("delivers nothing, stores nothing and publishes nothing when the transaction fails after writing its outbox record", async () => {
    const { reader, bus, publish, relay } = setup();
    const outboxBefore = (await sql`SELECT id FROM realtime_outbox`.execute(database.db)).rows.length;
    await expect(publish({ title: FAIL_AT_COMMIT, body: "never seen", authorId: "alice" })).rejects.toThrow("refused at commit");
    expect((await sql`SELECT id FROM realtime_outbox`.execute(database.db)).rows).toHaveLength(outboxBefore);
    expect((await sql`SELECT id FROM articles WHERE title = ${FAIL_AT_COMMIT}`.execute(database.db)).rows).toEqual([]);
    expect(await relay.drain()).toEqual({ delivered: 0, dead: 0, retrying: 0 });
    expect(reader.received).toEqual([]);
    bus.expectNotPublished(articlePublished);
  });
});
