import { defineRealtimeChannel } from "@repo/core-realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { connectRefused, connectSocket } from "./__tests__/realtime-test-client";
import { signIn, startTestServer, waitFor } from "./__tests__/test-server";
import type { TestServer } from "./__tests__/test-server";

describe("sign-in over HTTP and sockets (real server, no pages)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.shutdown("test done");
  });

  const login = (body: string) =>
    fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("login answers 200 with the token, the user and an HttpOnly SameSite=Lax cookie (not Secure outside production)", async () => {
    const response = await login(JSON.stringify({ username: "alice", password: "alice-password" }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; user: unknown };
    expect(body.user).toEqual({ id: "alice", roles: ["admin"] });
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie.startsWith(`session=${body.token};`)).toBe(true);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain(`Max-Age=${server.env.SESSION_TTL_SECONDS}`);
    expect(cookie).not.toContain("Secure");
  });

  it("login answers 401 INVALID_CREDENTIALS for a wrong password", async () => {
    const response = await login(JSON.stringify({ username: "bob", password: "alice-password" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_CREDENTIALS" } });
  });

  it("login answers 400 INVALID_BODY for a malformed body", async () => {
    const response = await login("{ not json");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_BODY" } });
  });

  it("admits a socket by session cookie and by auth.token as that user, and an anonymous one as nobody", async () => {
    // Channels the subscribe gate can only pass for the right identity.
    const registry = server.bound.realtime.realtimeRegistry;
    registry.registerChannel(defineRealtimeChannel({ name: "test.members", scope: "authenticated", schema: z.object({}) }));
    registry.registerChannel(defineRealtimeChannel({ name: "test.admins", scope: { role: "admin" }, schema: z.object({}) }));
    const alice = await signIn(server.url, "alice", "alice-password");
    const bob = await signIn(server.url, "bob", "bob-password");

    const aliceByCookie = await connectSocket(server.url, { cookie: alice.cookie });
    const bobByToken = await connectSocket(server.url, { token: bob.token });
    const anonymous = await connectSocket(server.url);

    expect(await aliceByCookie.subscribe("test.admins")).toMatchObject({ ok: true });
    expect(await bobByToken.subscribe("test.members")).toMatchObject({ ok: true });
    expect(await bobByToken.subscribe("test.admins")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await anonymous.subscribe("test.members")).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await anonymous.subscribe("realtime-ping")).toMatchObject({ ok: true });
    for (const client of [aliceByCookie, bobByToken, anonymous]) client.close();
  });

  it("refuses a forged token and a forged cookie with UNAUTHENTICATED", async () => {
    const alice = await signIn(server.url, "alice", "alice-password");
    const forged = `${alice.token.split(".")[0]}.${"A".repeat(43)}`;
    expect(await connectRefused(server.url, { token: forged })).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await connectRefused(server.url, { cookie: `session=${forged}` })).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("logout ends that session, disconnects its sockets and nobody else's, and clears the cookie", async () => {
    const aliceOne = await signIn(server.url, "alice", "alice-password");
    const aliceTwo = await signIn(server.url, "alice", "alice-password");
    const bob = await signIn(server.url, "bob", "bob-password");
    const sessionOneByCookie = await connectSocket(server.url, { cookie: aliceOne.cookie });
    const sessionOneByToken = await connectSocket(server.url, { token: aliceOne.token });
    const sessionTwo = await connectSocket(server.url, { token: aliceTwo.token });
    const bobSocket = await connectSocket(server.url, { cookie: bob.cookie });

    const response = await fetch(`${server.url}/api/auth/logout`, { method: "POST", headers: { cookie: aliceOne.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toContain("Max-Age=0");

    await waitFor(() => !sessionOneByCookie.socket.connected && !sessionOneByToken.socket.connected, 3_000, "session one disconnected");
    expect(sessionOneByCookie.disconnects).toEqual(["io server disconnect"]);
    // Give a wrongly broadcast disconnect time to arrive before asserting the others stayed.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sessionTwo.socket.connected).toBe(true);
    expect(bobSocket.socket.connected).toBe(true);

    expect(await connectRefused(server.url, { token: aliceOne.token })).toMatchObject({ code: "UNAUTHENTICATED" });
    const me = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { cookie: aliceOne.cookie } });
    expect(await me.json()).toEqual({ result: { data: null } });
    for (const client of [sessionTwo, bobSocket]) client.close();
  });

  it("logout by Bearer token works too", async () => {
    const bob = await signIn(server.url, "bob", "bob-password");
    const socket = await connectSocket(server.url, { token: bob.token });
    await fetch(`${server.url}/api/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${bob.token}` } });
    await waitFor(() => !socket.socket.connected, 3_000, "bob disconnected");
  });
});

describe("expired sessions (SESSION_TTL_SECONDS=1)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ SESSION_TTL_SECONDS: "1" });
  });

  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("admits a fresh session and refuses it once it expired", async () => {
    const bob = await signIn(server.url, "bob", "bob-password");
    const fresh = await connectSocket(server.url, { token: bob.token });
    fresh.close();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await connectRefused(server.url, { token: bob.token })).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await connectRefused(server.url, { cookie: bob.cookie })).toMatchObject({ code: "UNAUTHENTICATED" });
    const me = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { cookie: bob.cookie } });
    expect(await me.json()).toEqual({ result: { data: null } });
  });
});
