import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeRedis, TEST_REDIS_URL, testRedisKeyspace } from "@repo/core-testing-redis";
import { connectRefused, connectSocket } from "./__tests__/realtime-test-client";
import { signIn, startTestServer, waitFor } from "./__tests__/test-server";
import type { TestServer } from "./__tests__/test-server";

const redisAvailable = await probeRedis();

describe.skipIf(!redisAvailable && process.env.CI !== "true")("sessions in Redis when REDIS_URL is set (feature state in the database)", () => {
  let server: TestServer;
  // A prefix of this run's own: every key the app writes (realtime, sessions, features) lands under it.
  const keyspace = testRedisKeyspace("web-next-app");
  const prefix = keyspace.prefix;

  beforeAll(async () => {
    server = await startTestServer({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, SESSION_TTL_SECONDS: "120" });
    await keyspace.client(); // so dispose() can clean up with a connection of its own
  });

  afterAll(async () => {
    await server.shutdown("test done");
    await keyspace.dispose();
  });

  it("keeps no feature state in Redis: notifications, polls and articles live in the database (ADR-020)", async () => {
    const redis = server.redis!;
    // A sign-in writes its session under the prefix, so the empty scans below are not a wrong prefix.
    await signIn(server.url, "bob", "bob-password");
    const sessions: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}auth:session:*`, COUNT: 500 })) sessions.push(...batch);
    expect(sessions.length, `session keys under ${prefix}`).toBeGreaterThan(0);
    for (const feature of ["notifications:", "polls:", "articles:"]) {
      const keys: string[] = [];
      for await (const batch of redis.scanIterator({ MATCH: `${prefix}${feature}*`, COUNT: 500 })) keys.push(...batch);
      expect(keys, `keys under ${prefix}${feature}`).toEqual([]);
    }
  });

  it("reports Redis in readiness", async () => {
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: "ready", checks: { database: "in-memory", redis: "ok" } });
  });

  it("stores a sign-in as a Redis key with the session TTL, and logout deletes it and disconnects the socket", async () => {
    const alice = await signIn(server.url, "alice", "alice-password");
    const key = `${prefix}auth:session:${alice.token.split(".")[0]}`;
    const redis = server.redis!;
    const ttl = await redis.pTTL(key);
    expect(ttl).toBeGreaterThan(115_000);
    expect(ttl).toBeLessThanOrEqual(120_000);

    const socket = await connectSocket(server.url, { cookie: alice.cookie });
    await fetch(`${server.url}/api/auth/logout`, { method: "POST", headers: { cookie: alice.cookie } });
    expect(await redis.exists(key)).toBe(0);
    await waitFor(() => !socket.socket.connected, 3_000, "socket of the ended session closed");
    expect(await connectRefused(server.url, { token: alice.token })).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses a session whose key was removed from Redis (revoked elsewhere)", async () => {
    const bob = await signIn(server.url, "bob", "bob-password");
    await server.redis!.del(`${prefix}auth:session:${bob.token.split(".")[0]}`);
    expect(await connectRefused(server.url, { cookie: bob.cookie })).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
