import { openDatabase, sql } from "@repo/core-database";
import { createTestPostgresDatabase, describeWithPostgres, probePostgres } from "@repo/core-database/testing";
import type { TestPostgresDatabase } from "@repo/core-database/testing";
import { describeWithRedis, probeRedis, TEST_REDIS_URL, testRedisKeyspace } from "@repo/core-testing-redis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { OUTBOX_TEST_EXIT_CODE } from "../realtime/app-outbox";
import { spawnAppInstance } from "./__tests__/app-instance";
import type { AppInstance } from "./__tests__/app-instance";
import { connectSocket } from "./__tests__/realtime-test-client";
import type { RecordingSocket } from "./__tests__/realtime-test-client";
import { signIn, waitFor } from "./__tests__/test-server";

const [postgresAvailable, redisAvailable] = await Promise.all([probePostgres(), probeRedis()]);
// Both are needed; each helper prints its own loud banner (and fails under CI=true) when its server is missing.
const describeWithBoth = postgresAvailable ? describeWithRedis(redisAvailable) : describeWithPostgres(false);

/** Pushes on bob's channel carrying this notification title (the raw wire: no SDK de-duplication hides a second copy). */
function pushesTitled(socket: RecordingSocket, title: string) {
  return socket.messages.filter((m) => (m.payload as { notification?: { title?: string } }).notification?.title === title);
}

async function sendNotification(url: string, cookie: string, title: string): Promise<Response> {
  return fetch(`${url}/api/trpc/notifications.send`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ userId: "bob", title, body: "" }),
  });
}

// ADR-021's crash case with real processes: one PostgreSQL database, one Redis, two app instances.
describeWithBoth("outbox: an instance that dies between commit and broadcast loses nothing", { timeout: 240_000 }, () => {
  const keyspace = testRedisKeyspace("outbox-crash");
  let database: TestPostgresDatabase;
  let env: Record<string, string>;
  let a: AppInstance | undefined;
  let b: AppInstance;
  let bob: RecordingSocket;

  beforeAll(async () => {
    database = await createTestPostgresDatabase("outbox_crash");
    env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: keyspace.prefix };
    // B first: it migrates and seeds, so A's seed finds every notification stored and writes no outbox record.
    b = await spawnAppInstance(env);
    a = await spawnAppInstance({ ...env, OUTBOX_TEST_EXIT_AFTER_COMMIT: "notifications.user.bob" });
    const bobSession = await signIn(b.url, "bob", "bob-password");
    bob = await connectSocket(b.url, { cookie: bobSession.cookie });
    expect(await bob.subscribe("notifications.user.bob")).toMatchObject({ ok: true });
    await keyspace.client();
  }, 180_000);

  afterAll(async () => {
    bob?.close();
    await Promise.all([a?.kill("SIGTERM"), b?.kill("SIGTERM")]);
    await keyspace.dispose();
    await database?.drop();
  }, 60_000);

  it("B's relay delivers the committed push exactly once; after A restarts nothing is delivered twice", async () => {
    const alice = await signIn(b.url, "alice", "alice-password");
    const crashed = a as AppInstance;

    // A commits the notification and its outbox record, then exits before broadcasting (and before answering).
    const answer = await sendNotification(crashed.url, alice.cookie, "sent as A died").then(
      (response) => response.status,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    await waitFor(() => !crashed.alive(), 30_000, "A exiting through the fault hook");
    expect(await crashed.kill()).toBe(OUTBOX_TEST_EXIT_CODE);
    expect(answer).not.toBe(200);

    // B heard the commit (LISTEN/NOTIFY) and delivered it to bob, connected to B.
    await waitFor(() => pushesTitled(bob, "sent as A died").length > 0, 30_000, "the push through B's relay");
    const inspect = await openDatabase({ url: database.url });
    try {
      const stored = await sql<{ id: string }>`SELECT id FROM notifications WHERE user_id = 'bob' AND title = 'sent as A died'`.execute(inspect.db);
      expect(stored.rows).toHaveLength(1);

      // A comes back on the same database, without the hook; its relay starts and finds nothing left to deliver.
      a = await spawnAppInstance(env);
      const after = await sendNotification(a.url, alice.cookie, "sent after the restart");
      expect(after.status).toBe(200);
      await waitFor(() => pushesTitled(bob, "sent after the restart").length > 0, 30_000, "the push sent after the restart");

      expect(pushesTitled(bob, "sent as A died")).toHaveLength(1);
      expect(pushesTitled(bob, "sent after the restart")).toHaveLength(1);
      const [crashPush] = pushesTitled(bob, "sent as A died");
      const records = await sql<{ message_id: string; outcome: string | null }>`
        SELECT message_id, outcome FROM realtime_outbox WHERE channel_key = 'notifications.user.bob' ORDER BY id`.execute(inspect.db);
      expect(records.rows.every((row) => row.outcome === "delivered")).toBe(true);
      expect(records.rows.filter((row) => row.message_id === crashPush?.id)).toHaveLength(1);
    } finally {
      await inspect.close();
    }
  });
});
