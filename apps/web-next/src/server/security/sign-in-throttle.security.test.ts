import { describeWithRedis, probeRedis, TEST_REDIS_URL, testRedisKeyspace } from "@repo/core-testing-redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../__tests__/test-server";
import type { TestServer } from "../__tests__/test-server";

const redisAvailable = await probeRedis();

function login(server: TestServer, username: string, password: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
}

/** The documented refusal: 429 RATE_LIMITED, a Retry-After within the window, no session cookie. */
async function expectThrottled(response: Response, windowSeconds: number): Promise<void> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(response.headers.get("set-cookie")).toBeNull();
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ error: { code: "RATE_LIMITED" } });
  expect(body).not.toHaveProperty("token");
}

describe("security: sign-in throttle, one instance, in memory (real app server)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      AUTH_LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: "3",
      AUTH_LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "8",
      AUTH_LOGIN_WINDOW_SECONDS: "600",
    });
  });
  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("refuses bob's correct password once his account's budget is spent, and keeps refusing", async () => {
    for (let i = 0; i < 3; i++) expect((await login(server, "bob", `guess-${i}`)).status).toBe(401);
    await expectThrottled(await login(server, "bob", "bob-password"), 600);
    await expectThrottled(await login(server, "BOB", "bob-password"), 600);
  });

  it("refuses one address past its budget whatever account it tries (alice's correct password included)", async () => {
    // 5 attempts spent above (refused ones count too); 3 more on unknown accounts fill the address's 8.
    for (let i = 0; i < 3; i++) expect((await login(server, `nobody-${i}`, "guess")).status).toBe(401);
    await expectThrottled(await login(server, "alice", "alice-password"), 600);
  });
});

describeWithRedis(redisAvailable)("security: sign-in throttle shared by two instances through Redis (real app servers)", () => {
  const keyspace = testRedisKeyspace("sign-in-throttle");
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: keyspace.prefix, AUTH_LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: "4", AUTH_LOGIN_WINDOW_SECONDS: "600" };
    [a, b] = await Promise.all([startTestServer(env), startTestServer(env)]);
    await keyspace.client();
  });
  afterAll(async () => {
    await Promise.all([a.shutdown("test done"), b.shutdown("test done")]);
    await keyspace.dispose();
  });

  it("counts guesses spread over both instances against one budget: the correct password is refused on either", async () => {
    expect((await login(a, "alice", "guess-1")).status).toBe(401);
    expect((await login(b, "alice", "guess-2")).status).toBe(401);
    expect((await login(a, "alice", "guess-3")).status).toBe(401);
    expect((await login(b, "alice", "guess-4")).status).toBe(401);
    await expectThrottled(await login(a, "alice", "alice-password"), 600);
    await expectThrottled(await login(b, "alice", "alice-password"), 600);
  });

  it("still signs in another account from the same address", async () => {
    expect((await login(b, "bob", "bob-password")).status).toBe(200);
  });
});
