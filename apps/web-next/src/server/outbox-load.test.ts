import { openDatabase, sql } from "@repo/core-database";
import { createTestPostgresDatabase, describeWithPostgres, probePostgres } from "@repo/core-database/testing";
import type { TestPostgresDatabase } from "@repo/core-database/testing";
import type { RealtimeMessage } from "@repo/core-realtime";
import { describeWithRedis, probeRedis, TEST_REDIS_URL, testRedisKeyspace } from "@repo/core-testing-redis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { spawnAppInstance } from "./__tests__/app-instance";
import type { AppInstance } from "./__tests__/app-instance";
import { connectSocket } from "./__tests__/realtime-test-client";
import type { RecordingSocket } from "./__tests__/realtime-test-client";
import { signIn, waitFor } from "./__tests__/test-server";

const [postgresAvailable, redisAvailable] = await Promise.all([probePostgres(), probeRedis()]);
// Both are needed; each helper prints its own loud banner (and fails under CI=true) when its server is missing.
const describeWithBoth = postgresAvailable ? describeWithRedis(redisAvailable) : describeWithPostgres(false);

/** Recipients besides the seeded alice and bob, signed up through the app: one notifications channel each. */
const SIGNED_UP = ["carol", "dave"] as const;
/** Notifications per channel; with four channels, 2,000 outbox records. */
const PER_CHANNEL = 500;
/** The prefix of every title this test sends (the seed's own notifications on bob's channel are not counted). */
const TITLE = "load #";

/** The series' value in this instance's /metrics, summed over its labels (loopback: no token needed). */
async function metricValue(instance: AppInstance, name: string): Promise<number> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  const samples = text.split("\n").filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`));
  return samples.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
}

/** The n of every load push this socket received, in arrival order. */
function loadPushes(socket: RecordingSocket): { readonly n: number; readonly seq: number; readonly id: string | undefined }[] {
  return socket.messages.flatMap((message: RealtimeMessage) => {
    const title = (message.payload as { notification?: { title?: string } }).notification?.title;
    return title?.startsWith(TITLE) === true ? [{ n: Number(title.slice(TITLE.length)), seq: message.seq, id: message.id }] : [];
  });
}

async function signUp(url: string, username: string): Promise<void> {
  const response = await fetch(`${url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: `${username}-password` }),
  });
  if (response.status !== 201) throw new Error(`sign-up of ${username} answered ${response.status}: ${await response.text()}`);
}

// Issue #17's load case with real processes: two app instances relaying one PostgreSQL outbox, one Redis.
describeWithBoth("outbox: two app instances relaying one outbox under load", { timeout: 300_000 }, () => {
  const keyspace = testRedisKeyspace("outbox-load");
  let database: TestPostgresDatabase;
  let a: AppInstance;
  let b: AppInstance;
  const sockets: RecordingSocket[] = [];
  /** Per recipient: their user id and their socket on each instance. */
  const recipients: { readonly userId: string; readonly onA: RecordingSocket; readonly onB: RecordingSocket }[] = [];

  beforeAll(async () => {
    database = await createTestPostgresDatabase("outbox_load");
    const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: keyspace.prefix };
    // One after the other: A migrates and seeds the empty database, B finds it ready.
    a = await spawnAppInstance(env);
    b = await spawnAppInstance(env);
    await keyspace.client();
    for (const username of SIGNED_UP) await signUp(a.url, username);
    for (const username of ["alice", "bob", ...SIGNED_UP]) {
      const session = await signIn(a.url, username, `${username}-password`);
      const [onA, onB] = await Promise.all([connectSocket(a.url, { cookie: session.cookie }), connectSocket(b.url, { cookie: session.cookie })]);
      sockets.push(onA, onB);
      for (const socket of [onA, onB]) expect(await socket.subscribe(`notifications.user.${session.userId}`)).toMatchObject({ ok: true });
      recipients.push({ userId: session.userId, onA, onB });
    }
  }, 240_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await Promise.all([a?.kill("SIGTERM"), b?.kill("SIGTERM")]);
    await keyspace.dispose();
    await database?.drop();
  }, 60_000);

  it(`delivers ${PER_CHANNEL} notifications on each of four channels exactly once to a subscriber on each instance, in commit order`, async () => {
    const alice = await signIn(a.url, "alice", "alice-password");
    const deliveredBefore = (await metricValue(a, "realtime_outbox_deliveries_total")) + (await metricValue(b, "realtime_outbox_deliveries_total"));
    const total = recipients.length * PER_CHANNEL;

    // Two writers, each owning half the channels: its round n sends the n-th notification of each of its channels in
    // one tRPC batch (as the pages' httpBatchLink does), to A and B in turn and opposite to the other writer, so both
    // instances commit at once and both relays are woken by commits. A round answers after its commits: on every
    // channel n order is commit order.
    const writers = [recipients.filter((_, i) => i % 2 === 0), recipients.filter((_, i) => i % 2 === 1)];
    await Promise.all(
      writers.map(async (channels, writer) => {
        for (let n = 1; n <= PER_CHANNEL; n++) {
          const instance = (n + writer) % 2 === 0 ? a : b;
          const inputs = Object.fromEntries(channels.map(({ userId }, i) => [String(i), { userId, title: `${TITLE}${n}`, body: "" }]));
          const response = await fetch(`${instance.url}/api/trpc/${channels.map(() => "notifications.send").join(",")}?batch=1`, {
            method: "POST",
            headers: { cookie: alice.cookie, "content-type": "application/json" },
            body: JSON.stringify(inputs),
          });
          if (response.status !== 200) throw new Error(`round ${n} on ${instance.url} answered ${response.status}: ${await response.text()}`);
        }
      }),
    );
    // Every record settled and every push arrived: a generous bound, never a fixed wait.
    const inspect = await openDatabase({ url: database.url });
    try {
      const pending = async () => Number((await sql<{ count: string }>`SELECT count(*) AS count FROM realtime_outbox WHERE settled_at IS NULL`.execute(inspect.db)).rows[0]?.count);
      const deadline = Date.now() + 180_000;
      while ((await pending()) > 0) {
        if (Date.now() > deadline) throw new Error(`records still pending after 180 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const everySocket = recipients.flatMap(({ onA, onB }) => [onA, onB]);
      await waitFor(() => everySocket.every((socket) => loadPushes(socket).length >= PER_CHANNEL), 120_000, "every push on every subscriber");

      // Settled records are never claimed again, so the relays' delivery counters are final: each record broadcast once.
      const deliveredA = await metricValue(a, "realtime_outbox_deliveries_total");
      const deliveredB = await metricValue(b, "realtime_outbox_deliveries_total");
      expect(deliveredA + deliveredB - deliveredBefore).toBe(total);
      // Both relays took part (each claims whole channels while it delivers them; the other takes the rest).
      expect(deliveredA).toBeGreaterThan(0);
      expect(deliveredB).toBeGreaterThan(0);

      const outcomes = await sql<{ outcome: string; count: string }>`
        SELECT outcome, count(*) AS count FROM realtime_outbox
        WHERE channel_key IN (${sql.join(recipients.map(({ userId }) => `notifications.user.${userId}`))})
          AND payload->'notification'->>'title' LIKE ${`${TITLE}%`}
        GROUP BY outcome`.execute(inspect.db);
      expect(outcomes.rows.map((row) => ({ outcome: row.outcome, count: Number(row.count) }))).toEqual([{ outcome: "delivered", count: total }]);

      for (const { userId, onA, onB } of recipients) {
        for (const socket of [onA, onB]) {
          const pushes = loadPushes(socket);
          // Each once (the raw wire: no SDK de-duplication hides a second copy), none lost, in commit order.
          expect(pushes.map((push) => push.n), `n order on ${userId}'s channel`).toEqual(Array.from({ length: PER_CHANNEL }, (_, i) => i + 1));
          expect(pushes.every((push) => push.id !== undefined)).toBe(true);
          expect(new Set(pushes.map((push) => push.id)).size).toBe(PER_CHANNEL);
          // The channel's seq counts up by one per push: nothing else was broadcast on it meanwhile, nothing skipped.
          const first = pushes[0]?.seq ?? 0;
          expect(pushes.map((push) => push.seq)).toEqual(Array.from({ length: PER_CHANNEL }, (_, i) => first + i));
        }
        // Both instances' subscribers saw the same messages: one broadcast per record, fanned out through Redis.
        expect(loadPushes(onB).map((push) => push.id)).toEqual(loadPushes(onA).map((push) => push.id));
      }
    } finally {
      await inspect.close();
    }
  });
});
