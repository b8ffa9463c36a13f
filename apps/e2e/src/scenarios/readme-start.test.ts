import { createTestPostgresDatabase, probePostgres } from "@repo/core-database/testing";
import type { TestPostgresDatabase } from "@repo/core-database/testing";
import { TEST_REDIS_URL, describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ALICE, AppServer, showServerLogsOnFailure } from "../index";

const redisAvailable = await probeRedis();
const postgresAvailable = await probePostgres();

/** Not the e2e default: proves this value, not a built-in one, reached both servers. */
const SESSION_SECRET = "readme-start-secret-5b0c9e7a41f24d6e8c3a9f1d2e7b6a50";
/** Two `pnpm start`s, each booting pnpm, Turborepo (a cached build) and the server. */
const BOOT_MS = 600_000;

interface Me {
  readonly result: { readonly data: { readonly id: string; readonly roles: readonly string[] } | null };
}

async function me(url: string, headers: Record<string, string>): Promise<Me> {
  const response = await fetch(`${url}/api/trpc/auth.me`, { headers, signal: AbortSignal.timeout(15_000) });
  expect(response.status).toBe(200);
  return (await response.json()) as Me;
}

// The README's own start command, as a user runs it (issue 15): `pnpm start` from the repo root with
// PORT, SESSION_SECRET, REDIS_URL, REDIS_KEY_PREFIX and DATABASE_URL set, twice. Every variable has to
// cross turbo.json's pass-through lists; a dropped one shows as the wrong port, a refused session or
// keys outside the prefix. One PostgreSQL database of this run's own (an embedded DATA_DIR belongs
// to one process), dropped after. Skipped loudly outside CI only when Redis or PostgreSQL is missing.
describeWithRedis(redisAvailable && postgresAvailable)("the README's `pnpm start`, two instances", () => {
  const servers: AppServer[] = [];
  showServerLogsOnFailure(() => servers);
  const keyspace = testRedisKeyspace("readme-start");
  let database: TestPostgresDatabase | undefined;

  beforeAll(async () => {
    database = await createTestPostgresDatabase("readme_start");
  });

  afterAll(async () => {
    // Each stop signals the whole process group (pnpm, turbo, tsx, server) and waits for it to be gone.
    await Promise.all(servers.map((server) => server.stop()));
    await keyspace.dispose();
    await database?.drop();
  }, 120_000);

  async function pnpmStart(name: string): Promise<AppServer> {
    const server = await AppServer.start({
      name,
      launch: "pnpm-start",
      redisUrl: TEST_REDIS_URL,
      databaseUrl: database!.url,
      env: { SESSION_SECRET, REDIS_KEY_PREFIX: keyspace.prefix },
    });
    servers.push(server);
    return server;
  }

  it(
    "serves on the given PORT with the given secret and prefix, and a session made on one is accepted by the other",
    async () => {
      const first = await pnpmStart("pnpm-start-a");
      // AppServer.start waited for /readyz 200 on the free port it chose (not 3000).
      const home = await fetch(`${first.url}/`, { signal: AbortSignal.timeout(30_000) });
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("Realtime Starter");
      const ready = (await (await fetch(`${first.url}/readyz`)).json()) as { checks: Record<string, string> };
      // DATABASE_URL and REDIS_URL reached it: PostgreSQL and Redis, not the embedded or in-memory stores.
      expect(ready.checks).toMatchObject({ database: "ok", redis: "ok" });

      const login = await fetch(`${first.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: ALICE.username, password: ALICE.password }),
      });
      // APP_SEED=dev reached it too (production seeds nobody by default).
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      expect(cookie).toMatch(/=/);

      const second = await pnpmStart("pnpm-start-b");
      expect(second.port).not.toBe(first.port);
      const alice = { result: { data: { id: ALICE.id, roles: ["admin"] } } };
      expect(await me(second.url, { authorization: `Bearer ${token}` })).toEqual(alice);
      expect(await me(second.url, { cookie })).toEqual(alice);
      expect(await me(first.url, { authorization: `Bearer ${token}` })).toEqual(alice);
      // A token signed with another secret is refused: the shared secret is what made the above pass.
      expect(await me(second.url, { authorization: `Bearer ${token.slice(0, -4)}AAAA` })).toEqual({ result: { data: null } });

      // REDIS_KEY_PREFIX reached them: the instances wrote under this run's prefix.
      const redis = await keyspace.client();
      expect((await redis.keys(`${keyspace.prefix}*`)).length).toBeGreaterThan(0);
    },
    BOOT_MS + 60_000,
  );
});
