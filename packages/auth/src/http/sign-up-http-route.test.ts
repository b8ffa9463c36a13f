import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAuthTestKit, seedAliceAndBob } from "../__tests__/auth-test-kit";
import type { AuthTestKit } from "../__tests__/auth-test-kit";
import type { IPasswordHasher } from "../services/password-hasher";
import { createUserUseCase } from "../use-cases/create-user";
import { openSessionFor } from "../use-cases/open-session";
import { signInUseCase } from "../use-cases/sign-in";
import { signUpUseCase } from "../use-cases/sign-up";
import { createAuthHttpRoutes } from "./auth-http-routes";
import { createAuthThrottle } from "./rate-limiter-flexible-auth-throttle";
import { AUTH_SIGNUP_PATH, createSignUpHttpRoute } from "./sign-up-http-route";

/** The real hasher, counting hashes: the taken path must cost one as the free path does. */
function countingHasher(kit: AuthTestKit): IPasswordHasher & { hashes: number } {
  const counting = {
    hashes: 0,
    hash: async (password: string) => (counting.hashes++, kit.hasher.hash(password)),
    verify: (hash: string, password: string) => kit.hasher.verify(hash, password),
  };
  return counting;
}

describe("POST /api/auth/signup", () => {
  let kit: AuthTestKit;
  let hasher: ReturnType<typeof countingHasher>;
  let server: Server;
  let base: string;

  const start = async (attemptsPerAddress: number): Promise<void> => {
    kit = createAuthTestKit();
    await seedAliceAndBob(kit);
    hasher = countingHasher(kit);
    const openSession = openSessionFor({ ...kit, ttlSeconds: 3600 });
    const cookie = { secure: true, maxAgeSeconds: 3600 };
    const routes = [
      createSignUpHttpRoute({
        signUp: signUpUseCase({ createUser: createUserUseCase({ users: kit.users, hasher }), openSession }),
        cookie,
        signupThrottle: createAuthThrottle({ redis: null, keyPrefix: "signup:", limits: { attemptsPerAddress, windowSeconds: 600 } }),
      }),
      ...createAuthHttpRoutes({
        signIn: signInUseCase({ ...kit, ttlSeconds: 3600 }),
        signOut: async () => ({ signedOut: false }),
        cookie,
        loginThrottle: createAuthThrottle({ redis: null, keyPrefix: "login:" }),
      }),
    ];
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
  };

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const signUp = (input: unknown) => post(AUTH_SIGNUP_PATH, JSON.stringify(input));

  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  describe("with a generous budget", () => {
    beforeEach(() => start(1_000));

    it("answers 201 with the login body and the same kind of cookie, and the account signs in afterwards", async () => {
      const response = await signUp({ username: "carol", password: "carol-password-1" });
      expect(response.status).toBe(201);
      const body = (await response.json()) as { token: string; user: { id: string; roles: string[] } };
      expect(Object.keys(body).sort()).toEqual(["token", "user"]);
      expect(body.user.roles).toEqual([]);
      expect(kit.tokens.verify(body.token)).not.toBeNull();
      expect(response.headers.get("set-cookie")).toBe(`__Host-session=${body.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure`);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const login = await post("/api/auth/login", JSON.stringify({ username: "carol", password: "carol-password-1" }));
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: unknown }).user).toEqual(body.user);
    });

    it("answers 409 USERNAME_TAKEN for a taken name in any case, without a cookie, after one hash as a free name costs", async () => {
      const before = hasher.hashes;
      const response = await signUp({ username: "Bob", password: "another-password" });
      expect(response.status).toBe(409);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await response.json()).toEqual({ error: { code: "USERNAME_TAKEN", message: "That username is taken; choose another" } });
      expect(hasher.hashes).toBe(before + 1);
      expect(await kit.users.list()).toHaveLength(2);
    });

    it.each([
      { case: "a short username", body: JSON.stringify({ username: "ab", password: "long-enough-pw" }), message: /Username must be/ },
      { case: "a short password", body: JSON.stringify({ username: "carol", password: "short" }), message: /at least 8/ },
      { case: "a password equal to the username", body: JSON.stringify({ username: "carolcarol", password: "CarolCarol" }), message: /differ from the username/ },
      { case: "an extra field", body: JSON.stringify({ username: "carol", password: "long-enough-pw", roles: ["admin"] }), message: /JSON object/ },
      { case: "a missing password", body: JSON.stringify({ username: "carol" }), message: /JSON object/ },
      { case: "not JSON", body: "username=carol", message: /not valid JSON/ },
      { case: "empty", body: "", message: /empty/ },
    ])("answers 400 INVALID_INPUT for $case, with a message naming the rule, and creates nobody", async ({ body, message }) => {
      const before = hasher.hashes;
      const response = await post(AUTH_SIGNUP_PATH, body);
      expect(response.status).toBe(400);
      expect(response.headers.get("set-cookie")).toBeNull();
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe("INVALID_INPUT");
      expect(answer.error.message).toMatch(message);
      expect(hasher.hashes).toBe(before);
      expect(await kit.users.list()).toHaveLength(2);
    });

    it.each<{ case: string; headers: Record<string, string> }>([
      { case: "Sec-Fetch-Site: cross-site", headers: { "sec-fetch-site": "cross-site" } },
      { case: "a sibling subdomain's Origin", headers: { origin: "http://evil.127.0.0.1.nip.io" } },
    ])("refuses a sign-up another site started ($case) with 403 CROSS_SITE_REQUEST and creates nobody", async ({ headers }) => {
      const response = await post(AUTH_SIGNUP_PATH, JSON.stringify({ username: "mallory", password: "mallory-password" }), headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "CROSS_SITE_REQUEST" } });
      expect(await kit.users.findByUsername("mallory")).toBeNull();
    });

    it("refuses a form-style body (text/plain smuggling JSON) with 400 and creates nobody", async () => {
      const response = await post(AUTH_SIGNUP_PATH, JSON.stringify({ username: "mallory", password: "mallory-password" }), { "content-type": "text/plain" });
      expect(response.status).toBe(400);
      expect(await kit.users.findByUsername("mallory")).toBeNull();
    });

    it("gives one account and one 409 to two sign-ups racing for one name", async () => {
      const answers = await Promise.all([signUp({ username: "dave", password: "dave-password-1" }), signUp({ username: "DAVE", password: "dave-password-2" })]);
      expect(answers.map((response) => response.status).sort()).toEqual([201, 409]);
      expect((await kit.users.list()).filter((user) => user.username.toLowerCase() === "dave")).toHaveLength(1);
    });
  });

  describe("throttled per client address", () => {
    beforeEach(() => start(2));

    it("answers 429 RATE_LIMITED with Retry-After past the budget, before any hash, creating nobody", async () => {
      expect((await signUp({ username: "erin", password: "erin-password" })).status).toBe(201);
      expect((await signUp({ username: "alice", password: "alice-password-2" })).status).toBe(409);
      // Rule-breaking attempts cost no hash and do not count.
      expect((await signUp({ username: "x", password: "y" })).status).toBe(400);
      const before = hasher.hashes;
      const refused = await signUp({ username: "frank", password: "frank-password" });
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect(refused.headers.get("set-cookie")).toBeNull();
      expect(await refused.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
      expect(hasher.hashes).toBe(before);
      expect(await kit.users.findByUsername("frank")).toBeNull();
    });
  });
});
