import type { AuthTables } from "@repo/auth";
import { openDatabase } from "@repo/core-database";
import { createTestPostgresDatabase, describeWithPostgres, probePostgres } from "@repo/core-database/testing";
import type { TestPostgresDatabase } from "@repo/core-database/testing";
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

/** The re-check period of every socket's credentials and roles on both instances. */
const REAUTH_INTERVAL_MS = 500;

/** A tRPC call as a non-browser client makes it: the error's HTTP status and code, or the data. */
async function trpc(url: string, cookie: string, path: string, input?: unknown): Promise<{ status: number; data?: unknown; code?: string }> {
  const response =
    input === undefined
      ? await fetch(`${url}/api/trpc/${path}`, { headers: { cookie } })
      : await fetch(`${url}/api/trpc/${path}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(input) });
  const body = (await response.json()) as { result?: { data: unknown }; error?: { data?: { code?: string } } };
  return { status: response.status, data: body.result?.data, code: body.error?.data?.code };
}

// Two real app processes on one fresh PostgreSQL database (the users' system of record) and one Redis.
describeWithBoth("accounts across two instances on one PostgreSQL and one Redis", { timeout: 120_000 }, () => {
  const keyspace = testRedisKeyspace("accounts-multi");
  let database: TestPostgresDatabase;
  let a: AppInstance;
  let b: AppInstance;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    database = await createTestPostgresDatabase("accounts");
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: keyspace.prefix,
      REALTIME_REAUTH_INTERVAL_MS: String(REAUTH_INTERVAL_MS),
    };
    // One after the other: A migrates and seeds the empty database, B finds it ready.
    a = await spawnAppInstance(env);
    b = await spawnAppInstance(env);
    await keyspace.client();
  }, 180_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await Promise.all([a?.kill("SIGTERM"), b?.kill("SIGTERM")]);
    await keyspace.dispose();
    await database?.drop();
  }, 60_000);

  it("signs up on A and signs in on B with the same account", async () => {
    const response = await fetch(`${a.url}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "carol", password: "carol-password" }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { user: { id: string } };
    const onB = await signIn(b.url, "carol", "carol-password");
    expect(onB.userId).toBe(created.user.id);
    expect(await trpc(b.url, onB.cookie, "auth.me")).toMatchObject({ status: 200, data: { id: created.user.id, roles: [] } });
    const taken = await fetch(`${b.url}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "Carol", password: "another-password" }),
    });
    expect(taken.status).toBe(409);
  });

  it("an admin demoting bob on A drops his admin-only subscription on B within the bound and refuses his next admin call on B", async () => {
    const alice = await signIn(a.url, "alice", "alice-password");
    expect(await trpc(a.url, alice.cookie, "auth.setRoles", { userId: "bob", roles: ["admin"] })).toMatchObject({ status: 200, data: { id: "bob", roles: ["admin"] } });

    const bob = await signIn(b.url, "bob", "bob-password");
    expect(await trpc(b.url, bob.cookie, "auth.listUsers")).toMatchObject({ status: 200 });
    const bobOnB = await connectSocket(b.url, { cookie: bob.cookie });
    sockets.push(bobOnB);
    const notices: unknown[] = [];
    bobOnB.socket.on("realtime:unsubscribed", (notice) => notices.push(notice));
    expect(await bobOnB.subscribe("admin.observability")).toMatchObject({ ok: true });

    const demotedAt = Date.now();
    expect(await trpc(a.url, alice.cookie, "auth.setRoles", { userId: "bob", roles: [] })).toMatchObject({ status: 200, data: { id: "bob", roles: [] } });
    // The bound is one re-check period; the generous wait only absorbs a loaded machine.
    await waitFor(() => notices.length > 0, 30_000, "bob's admin-only subscription dropped on B");
    const dropAfterMs = Date.now() - demotedAt;
    expect(notices[0]).toMatchObject({ channel: "admin.observability", error: { code: "FORBIDDEN" } });
    expect(bobOnB.socket.connected).toBe(true);
    expect(await bobOnB.subscribe("admin.observability")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    expect(await trpc(b.url, bob.cookie, "auth.listUsers")).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(await trpc(b.url, bob.cookie, "auth.setRoles", { userId: "bob", roles: ["admin"] })).toMatchObject({ status: 403, code: "FORBIDDEN" });
    const users = await trpc(a.url, alice.cookie, "auth.listUsers");
    expect(users.data).toEqual(expect.arrayContaining([{ id: "bob", username: "bob", roles: [] }]));
    console.info(`bob's admin subscription on B dropped ${dropAfterMs} ms after the demotion on A (re-check period ${REAUTH_INTERVAL_MS} ms)`);
  });

  it("drops the subscription on B at B's next re-check even when no one tells B: the sweep re-reads the shared users table", async () => {
    const alice = await signIn(a.url, "alice", "alice-password");
    expect(await trpc(a.url, alice.cookie, "auth.setRoles", { userId: "bob", roles: ["admin"] })).toMatchObject({ status: 200 });
    const bob = await signIn(b.url, "bob", "bob-password");
    const bobOnB = await connectSocket(b.url, { cookie: bob.cookie });
    sockets.push(bobOnB);
    const notices: unknown[] = [];
    bobOnB.socket.on("realtime:unsubscribed", (notice) => notices.push(notice));
    expect(await bobOnB.subscribe("admin.observability")).toMatchObject({ ok: true });

    // Straight into the system of record, as another tool or a lost fan-out message would leave it.
    const direct = await openDatabase({ url: database.url });
    try {
      await direct.db.$extendTables<AuthTables>().updateTable("auth_users").set({ roles: [] }).where("id", "=", "bob").execute();
    } finally {
      await direct.close();
    }
    const changedAt = Date.now();
    await waitFor(() => notices.length > 0, 30_000, "bob's admin-only subscription dropped by B's sweep");
    console.info(`B's sweep dropped it ${Date.now() - changedAt} ms after the row changed (re-check period ${REAUTH_INTERVAL_MS} ms)`);
    expect(notices[0]).toMatchObject({ channel: "admin.observability", error: { code: "FORBIDDEN" } });
    expect(await trpc(b.url, bob.cookie, "auth.listUsers")).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });
});
