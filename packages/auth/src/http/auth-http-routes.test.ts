import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthTestKit, seedAliceAndBob } from "../__tests__/auth-test-kit";
import type { AuthTestKit } from "../__tests__/auth-test-kit";
import { signInUseCase } from "../use-cases/sign-in";
import { signOutUseCase } from "../use-cases/sign-out";
import { AUTH_LOGIN_PATH, AUTH_LOGOUT_PATH, createAuthHttpRoutes } from "./auth-http-routes";
import { createAuthThrottle } from "./rate-limiter-flexible-auth-throttle";

describe("auth HTTP routes", () => {
  let kit: AuthTestKit;
  let server: Server;
  let base: string;
  const disconnected: string[] = [];

  beforeAll(async () => {
    kit = createAuthTestKit();
    await seedAliceAndBob(kit);
    const routes = createAuthHttpRoutes({
      signIn: signInUseCase({ ...kit, ttlSeconds: 3600 }),
      signOut: signOutUseCase({ ...kit, realtimeServer: { disconnectSession: async (id) => void disconnected.push(id) } }),
      cookie: { secure: true, maxAgeSeconds: 3600 },
      // Generous: these cases are about the routes; the throttle has its own describe below.
      loginThrottle: createAuthThrottle({ redis: null, keyPrefix: "routes:", limits: { attemptsPerAccount: 1_000, attemptsPerAddress: 1_000 } }),
    });
    server = createServer((req, res) => {
      const route = routes.find((r) => r.method === req.method && r.path === req.url);
      if (route === undefined) return void res.writeHead(404).end();
      route.handler(req, res).catch((error: unknown) => {
        console.error("route failed in test", error);
        res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const login = (body: string) =>
    fetch(`${base}${AUTH_LOGIN_PATH}`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("signs in: 200, the token and user, and a Secure HttpOnly SameSite=Lax cookie holding the same token", async () => {
    const response = await login(JSON.stringify({ username: "alice", password: "alice-password" }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; user: unknown };
    expect(body.user).toEqual({ id: "alice", roles: ["admin"] });
    expect(kit.tokens.verify(body.token)).not.toBeNull();
    const cookie = response.headers.get("set-cookie");
    expect(cookie).toBe(`__Host-session=${body.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure`);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 401 INVALID_CREDENTIALS for a wrong password, without a cookie", async () => {
    const response = await login(JSON.stringify({ username: "alice", password: "nope" }));
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.json()).toEqual({ error: { code: "INVALID_CREDENTIALS", message: "Wrong username or password" } });
  });

  it.each([
    { case: "not JSON", body: "username=alice" },
    { case: "empty", body: "" },
    { case: "missing password", body: JSON.stringify({ username: "alice" }) },
    { case: "wrong types", body: JSON.stringify({ username: 1, password: true }) },
    { case: "extra fields", body: JSON.stringify({ username: "alice", password: "alice-password", admin: true }) },
    { case: "too large", body: JSON.stringify({ username: "alice", password: "x".repeat(20_000) }) },
  ])("answers 400 INVALID_BODY when the body is $case", async ({ body }) => {
    const response = await login(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_BODY" } });
  });

  it.each([
    { via: "cookie", headers: (token: string): Record<string, string> => ({ cookie: `__Host-session=${token}` }) },
    { via: "Bearer token", headers: (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` }) },
  ])("signs out via $via: ends the session, disconnects its sockets and clears the cookie", async ({ headers }) => {
    const { token } = (await (await login(JSON.stringify({ username: "bob", password: "bob-password" }))).json()) as { token: string };
    const sessionId = kit.tokens.verify(token)!;
    const response = await fetch(`${base}${AUTH_LOGOUT_PATH}`, { method: "POST", headers: headers(token) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("set-cookie")).toBe("__Host-session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
    expect(await kit.sessions.get(sessionId)).toBeNull();
    expect(disconnected.at(-1)).toBe(sessionId);
  });

  it("signs out idempotently without any session", async () => {
    const before = disconnected.length;
    const response = await fetch(`${base}${AUTH_LOGOUT_PATH}`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(disconnected).toHaveLength(before);
  });

  describe("requests another site started (login CSRF, forced sign-out)", () => {
    it("refuses a form-style login (text/plain smuggling JSON) with 400 and sets no cookie", async () => {
      // What <form enctype="text/plain"> on another site can send without a CORS preflight.
      const response = await fetch(`${base}${AUTH_LOGIN_PATH}`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: JSON.stringify({ username: "bob", password: "bob-password" }),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await response.json()).toMatchObject({ error: { code: "INVALID_BODY" } });
    });

    it.each([AUTH_LOGIN_PATH, AUTH_LOGOUT_PATH])("answers %s from a cross-site page with 403 CROSS_SITE_REQUEST and touches no session", async (path) => {
      const { token } = (await (await login(JSON.stringify({ username: "bob", password: "bob-password" }))).json()) as { token: string };
      const before = disconnected.length;
      const response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "sec-fetch-site": "cross-site", cookie: `session=${token}` },
        body: JSON.stringify({ username: "bob", password: "bob-password" }),
      });
      expect(response.status).toBe(403);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await response.json()).toMatchObject({ error: { code: "CROSS_SITE_REQUEST" } });
      expect(disconnected).toHaveLength(before);
      expect(await kit.sessions.get(kit.tokens.verify(token)!)).not.toBeNull();
    });
  });
});

describe("auth HTTP routes: sign-in throttle", () => {
  it("answers 429 RATE_LIMITED with Retry-After past the budget, correct password included, without verifying a hash", async () => {
    const kit = createAuthTestKit();
    await seedAliceAndBob(kit);
    let verifies = 0;
    const hasher = { hash: (p: string) => kit.hasher.hash(p), verify: async (h: string, p: string) => (verifies++, kit.hasher.verify(h, p)) };
    const routes = createAuthHttpRoutes({
      signIn: signInUseCase({ ...kit, hasher, ttlSeconds: 3600 }),
      signOut: signOutUseCase({ ...kit, realtimeServer: null }),
      cookie: { secure: false, maxAgeSeconds: 3600 },
      loginThrottle: createAuthThrottle({ redis: null, keyPrefix: "throttled:", limits: { attemptsPerAccount: 2, windowSeconds: 600 } }),
    });
    const server = createServer((req, res) => void routes.find((r) => r.path === req.url)?.handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${AUTH_LOGIN_PATH}`;
    const login = (password: string) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "bob", password }) });
    try {
      expect((await login("wrong-1")).status).toBe(401);
      expect((await login("wrong-2")).status).toBe(401);
      const verifiesBefore = verifies;
      const refused = await login("bob-password");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(600);
      expect(refused.headers.get("set-cookie")).toBeNull();
      expect(await refused.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
      for (let i = 0; i < 20; i++) expect((await login(`flood-${i}`)).status).toBe(429);
      expect(verifies).toBe(verifiesBefore);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
