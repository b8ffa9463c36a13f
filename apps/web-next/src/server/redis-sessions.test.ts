import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeRedis, TEST_REDIS_URL } from "@repo/core-testing-redis";
import { connectRefused, connectSocket } from "./__tests__/realtime-test-client";
import { signIn, startTestServer, waitFor } from "./__tests__/test-server";
import type { TestServer } from "./__tests__/test-server";

const redisAvailable = await probeRedis();

describe.skipIf(!redisAvailable && process.env.CI !== "true")("sessions in Redis when REDIS_URL is set", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ REDIS_URL: TEST_REDIS_URL, SESSION_TTL_SECONDS: "120" });
  });

  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("reports Redis in readiness", async () => {
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: "ready", checks: { redis: "ok" } });
  });

  it("stores a sign-in as a Redis key with the session TTL, and logout deletes it and disconnects the socket", async () => {
    const alice = await signIn(server.url, "alice", "alice-password");
    const key = `auth:session:${alice.token.split(".")[0]}`;
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
    await server.redis!.del(`auth:session:${bob.token.split(".")[0]}`);
    expect(await connectRefused(server.url, { cookie: bob.cookie })).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
