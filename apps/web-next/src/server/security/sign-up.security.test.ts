import { describeWithRedis, probeRedis, TEST_REDIS_URL, testRedisKeyspace } from "@repo/core-testing-redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../__tests__/test-server";
import type { TestServer } from "../__tests__/test-server";

const redisAvailable = await probeRedis();

function signUp(server: TestServer, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function me(server: TestServer, cookie: string): Promise<unknown> {
  const response = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { cookie } });
  return ((await response.json()) as { result: { data: unknown } }).result.data;
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe("security: sign-up (real app server)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ AUTH_SIGNUP_MAX_PER_ADDRESS: "4", AUTH_SIGNUP_WINDOW_SECONDS: "600" });
  });
  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("creates an account with no roles and signs it in: the cookie is a working session", async () => {
    const response = await signUp(server, { username: "carol", password: "carol-password" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { token: string; user: { id: string; roles: string[] } };
    expect(body.user.roles).toEqual([]);
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toBe(`session=${body.token}`);
    expect(await me(server, cookie)).toEqual({ id: body.user.id, roles: [] });
  });

  it("answers a taken name (seeded alice, in another case) 409 USERNAME_TAKEN with no session, and alice keeps her password", async () => {
    const response = await signUp(server, { username: "ALICE", password: "attacker-password" });
    expect(response.status).toBe(409);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await errorCode(response)).toBe("USERNAME_TAKEN");
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "alice", password: "alice-password" }),
    });
    expect(login.status).toBe(200);
  });

  it("answers a broken rule 400 INVALID_INPUT and never grants a role asked for in the body", async () => {
    const response = await signUp(server, { username: "mallory", password: "mallory-password", roles: ["admin"] });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("INVALID_INPUT");
    const short = await signUp(server, { username: "mallory", password: "short" });
    expect(short.status).toBe(400);
    expect(await errorCode(short)).toBe("INVALID_INPUT");
  });

  it("refuses a sign-up a cross-site page started with 403 CROSS_SITE_REQUEST", async () => {
    const response = await signUp(server, { username: "csrf-victim", password: "csrf-password" }, { "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("CROSS_SITE_REQUEST");
  });

  it("throttles one address: past its budget 429 RATE_LIMITED with Retry-After, and no account is made", async () => {
    // 2 counted above (carol, ALICE); the refused rule-breakers and the cross-site one did not count.
    expect((await signUp(server, { username: "dave", password: "dave-password" })).status).toBe(201);
    expect((await signUp(server, { username: "erin", password: "erin-password" })).status).toBe(201);
    const refused = await signUp(server, { username: "frank", password: "frank-password" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(600);
    expect(refused.headers.get("set-cookie")).toBeNull();
    expect(await errorCode(refused)).toBe("RATE_LIMITED");
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "frank", password: "frank-password" }),
    });
    expect(login.status).toBe(401);
  });
});

describeWithRedis(redisAvailable)("security: sign-up throttle shared by two instances through Redis (real app servers)", () => {
  const keyspace = testRedisKeyspace("sign-up-throttle");
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: keyspace.prefix, AUTH_SIGNUP_MAX_PER_ADDRESS: "3", AUTH_SIGNUP_WINDOW_SECONDS: "600" };
    [a, b] = await Promise.all([startTestServer(env), startTestServer(env)]);
    await keyspace.client();
  });
  afterAll(async () => {
    await Promise.all([a.shutdown("test done"), b.shutdown("test done")]);
    await keyspace.dispose();
  });

  it("counts sign-ups spread over both instances against one per-address budget", async () => {
    // Each instance has its own in-memory store here: names differ so no answer depends on sharing users.
    expect((await signUp(a, { username: "spread-1", password: "spread-password" })).status).toBe(201);
    expect((await signUp(b, { username: "spread-2", password: "spread-password" })).status).toBe(201);
    expect((await signUp(a, { username: "spread-3", password: "spread-password" })).status).toBe(201);
    const refusedOnB = await signUp(b, { username: "spread-4", password: "spread-password" });
    expect(refusedOnB.status).toBe(429);
    expect(await errorCode(refusedOnB)).toBe("RATE_LIMITED");
    expect((await signUp(a, { username: "spread-5", password: "spread-password" })).status).toBe(429);
  });
});
