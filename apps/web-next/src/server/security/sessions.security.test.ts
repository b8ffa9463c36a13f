import { describeWithRedis, probeRedis, TEST_REDIS_URL, testRedisKeyspace } from "@repo/core-testing-redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectSocket } from "../__tests__/realtime-test-client";
import { signIn, startTestServer, waitFor } from "../__tests__/test-server";
import type { SignedIn, TestServer } from "../__tests__/test-server";

const redisAvailable = await probeRedis();
const BOUND = { AUTH_MAX_SESSIONS_PER_USER: "3" };

/** Who `auth.me` says the cookie belongs to: the user id, or null for a revoked session (anonymous). */
async function me(server: TestServer, who: SignedIn): Promise<string | null> {
  const response = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { cookie: who.cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: { id: string } | null } }).result.data?.id ?? null;
}

/**
 * Signs bob in four times across `servers` (round robin) with a bound of 3:
 * the first session must be revoked everywhere, its socket dropped, the rest kept.
 */
async function expectOldestRevoked(servers: readonly TestServer[]): Promise<void> {
  const at = (i: number): TestServer => servers[i % servers.length] as TestServer;
  const first = await signIn(at(0).url, "bob", "bob-password");
  const socket = await connectSocket(at(0).url, { cookie: first.cookie });
  expect(socket.socket.connected).toBe(true);
  const later: SignedIn[] = [];
  for (let i = 1; i < 4; i++) later.push(await signIn(at(i).url, "bob", "bob-password"));
  for (const server of servers) expect(await me(server, first)).toBeNull();
  for (const [i, session] of later.entries()) expect(await me(at(i), session)).toBe("bob");
  await waitFor(() => !socket.socket.connected, 10_000, "the revoked session's socket to be dropped");
  socket.close();
}

describe("security: sessions per user are bounded (AUTH_MAX_SESSIONS_PER_USER, one instance, in memory)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(BOUND);
  });
  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("revokes the oldest session on the sign-in past the bound and drops its socket", async () => {
    await expectOldestRevoked([server]);
  });
});

describeWithRedis(redisAvailable)("security: sessions per user are bounded across two instances sharing Redis", () => {
  const keyspace = testRedisKeyspace("session-bound");
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: keyspace.prefix, ...BOUND };
    [a, b] = await Promise.all([startTestServer(env), startTestServer(env)]);
    await keyspace.client();
  });
  afterAll(async () => {
    await Promise.all([a.shutdown("test done"), b.shutdown("test done")]);
    await keyspace.dispose();
  });

  it("counts sign-ins on both instances against one bound, revoking the oldest everywhere", async () => {
    await expectOldestRevoked([a, b]);
  });
});
