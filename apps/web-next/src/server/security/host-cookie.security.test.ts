import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectSocket } from "../__tests__/realtime-test-client";
import { signIn, startTestServer } from "../__tests__/test-server";
import type { TestServer } from "../__tests__/test-server";

/** Who `auth.me` says a Cookie header belongs to (null: anonymous). */
async function me(server: TestServer, cookie: string): Promise<string | null> {
  const response = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: { id: string } | null } }).result.data?.id ?? null;
}

const tokenOf = (cookie: string): string => cookie.slice(cookie.indexOf("=") + 1);

describe("security: __Host- session cookie in production, not shadowed by a planted cookie (real app server)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production" });
  });
  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("sets __Host-session: Secure, Path=/, no Domain", async () => {
    const bob = await signIn(server.url, "bob", "bob-password");
    expect(bob.cookie.startsWith("__Host-session=")).toBe(true);
    const attributes = bob.setCookie.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["secure", "path=/", "httponly"]));
    expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
  });

  it("ignores a plain session cookie a sibling subdomain planted (the attacker's own valid session), before or after ours", async () => {
    const victim = await signIn(server.url, "alice", "alice-password");
    const attacker = await signIn(server.url, "bob", "bob-password");
    const planted = `session=${tokenOf(attacker.cookie)}`;
    expect(await me(server, `${planted}; ${victim.cookie}`)).toBe("alice");
    expect(await me(server, `${victim.cookie}; ${planted}`)).toBe("alice");
    // Alone it is not a session in production: the victim is anonymous, never the attacker.
    expect(await me(server, planted)).toBeNull();
    const socket = await connectSocket(server.url, { cookie: `${planted}; ${victim.cookie}` });
    expect(socket.socket.connected).toBe(true);
    socket.close();
  });

  it("treats two different __Host-session values as no session", async () => {
    const alice = await signIn(server.url, "alice", "alice-password");
    const bob = await signIn(server.url, "bob", "bob-password");
    expect(await me(server, `${alice.cookie}; ${bob.cookie}`)).toBeNull();
  });
});

describe("security: duplicate dev session cookies are refused, not resolved in the planter's favour (real app server)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("keeps the dev name, and answers a planted duplicate as anonymous on HTTP and sockets", async () => {
    const victim = await signIn(server.url, "alice", "alice-password");
    const attacker = await signIn(server.url, "bob", "bob-password");
    expect(victim.cookie.startsWith("session=")).toBe(true);
    expect(await me(server, `${attacker.cookie}; ${victim.cookie}`)).toBeNull();
    // The socket is admitted as anonymous: it may not read alice's notifications (nor bob's).
    const socket = await connectSocket(server.url, { cookie: `${attacker.cookie}; ${victim.cookie}` });
    for (const userId of [victim.userId, attacker.userId]) expect(await socket.subscribe(`notifications.user.${userId}`)).toMatchObject({ ok: false });
    socket.close();
  });
});
