import { afterEach, describe, expect, it } from "vitest";
import { waitUntil } from "./__tests__/broadcaster-contract";
import { request, startSocketIOTestServer } from "./__tests__/socket-io-harness";
import type { SocketIOTestServer, SocketIOTestServerOptions } from "./__tests__/socket-io-harness";

describe("SocketIORealtimeServer gate 1 (connect)", () => {
  let t: SocketIOTestServer;
  const start = async (options: SocketIOTestServerOptions = {}): Promise<SocketIOTestServer> => {
    t = await startSocketIOTestServer(options);
    t.authenticator.users.set("alice-token", { userId: "alice", roles: ["admin"], sessionId: "s1" });
    return t;
  };
  afterEach(async () => {
    await t.close();
  });

  it("refuses an incompatible protocol version and tells the user to reload, naming the server's version", async () => {
    await start();
    const refusal = await t.connectRefused({ version: "2.0.0" });
    expect(refusal).toMatchObject({ code: "VERSION_MISMATCH", serverVersion: "1.0.0" });
    expect(refusal.message).toMatch(/reload/i);
    expect(t.metrics.snapshot().authRejectionsByCode).toEqual({ VERSION_MISMATCH: 1 });
  });

  it("refuses a handshake without a protocol version like a wrong one, before authenticating it", async () => {
    await start();
    const refusal = await t.connectRefused({ version: null, token: "alice-token" });
    expect(refusal).toMatchObject({ code: "VERSION_MISMATCH", serverVersion: "1.0.0" });
    expect(refusal.message).toMatch(/\(none\).*reload/);
    expect(t.authenticator.seen).toEqual([]);
    expect(t.server.connectedSockets()).toBe(0);
  });

  it("accepts a compatible minor version", async () => {
    await start();
    await t.connect({ version: "1.7.3" });
    expect(t.server.connectedSockets()).toBe(1);
  });

  it.each([
    ["the default client against a server speaking 2.1.0", "2.1.0", undefined, false],
    ["a 2.0.0 client against a server speaking 2.1.0", "2.1.0", "2.0.0", true],
    ["a 1.0.0 client against a server speaking 2.1.0", "2.1.0", "1.0.0", false],
  ] as const)("follows the server's configured protocolVersion: %s", async (_what, protocolVersion, version, admitted) => {
    await start({ protocolVersion });
    if (admitted) {
      await t.connect({ version });
      expect(t.server.connectedSockets()).toBe(1);
    } else {
      expect(await t.connectRefused({ version })).toMatchObject({ code: "VERSION_MISMATCH", serverVersion: protocolVersion });
    }
  });

  it("refuses invalid credentials with UNAUTHENTICATED and never logs the token", async () => {
    await start();
    const refusal = await t.connectRefused({ token: "forged-token-123" });
    expect(refusal).toEqual({ code: "UNAUTHENTICATED", message: "Invalid or expired token" });
    expect(JSON.stringify(t.logs.entries())).not.toContain("forged-token-123");
  });

  it("refuses a user whose credentials already expired", async () => {
    await start();
    t.authenticator.users.set("stale", { userId: "stale", roles: [], expiresAt: Date.now() - 1 });
    expect((await t.connectRefused({ token: "stale" })).code).toBe("UNAUTHENTICATED");
  });

  it("maps an authenticator crash to INTERNAL, logged with context but without credentials", async () => {
    await start();
    t.authenticator.failure = new Error("session store unreachable");
    expect(await t.connectRefused({ token: "alice-token", headers: { cookie: "sid=cookie-secret" } })).toEqual({
      code: "INTERNAL",
      message: "Internal error",
    });
    const errors = t.logs.entriesAt(50);
    expect(errors.map((e) => e.msg)).toEqual(["realtime_authenticate_failed"]);
    expect(errors[0]).toHaveProperty("socketId");
    expect(JSON.stringify(t.logs.entries())).not.toMatch(/alice-token|cookie-secret/);
  });

  it("passes the cookie header and the token to the authenticator", async () => {
    await start();
    await t.connect({ token: "alice-token", headers: { cookie: "sid=abc" } });
    expect(t.authenticator.seen).toEqual([{ cookieHeader: "sid=abc", token: "alice-token" }]);
  });

  it("refuses invalid handshake auth", async () => {
    await start();
    const client = t.createClient();
    (client as unknown as { auth: unknown }).auth = { token: 42 };
    const refusal = await new Promise<unknown>((resolve) => {
      client.once("connect_error", (error) => resolve((error as Error & { data?: unknown }).data));
      client.connect();
    });
    expect(refusal).toMatchObject({ code: "INVALID_FRAME" });
  });

  it("caps connections per user on this instance and frees the slot on disconnect", async () => {
    await start({ limits: { maxConnectionsPerUser: 2 } });
    const first = await t.connect({ token: "alice-token" });
    await t.connect({ token: "alice-token" });
    expect((await t.connectRefused({ token: "alice-token" })).code).toBe("TOO_MANY_CONNECTIONS");
    await t.connect(); // anonymous sockets are not counted against anyone
    first.disconnect();
    await waitUntil(() => t.server.connectedSockets() === 2);
    await t.connect({ token: "alice-token" });
  });

  it("caps anonymous sockets per client address, not signed-in ones, and frees the slot on disconnect", async () => {
    await start({ limits: { maxAnonymousConnectionsPerAddress: 2 } });
    const first = await t.connect();
    await t.connect();
    expect(await t.connectRefused()).toEqual({
      code: "TOO_MANY_CONNECTIONS",
      message: "At most 2 anonymous realtime connections per address; sign in for more",
    });
    await t.connect({ token: "alice-token" });
    expect(t.server.diagnostics()).toMatchObject({ sockets: 3, anonymousAddresses: 1 });
    first.disconnect();
    await waitUntil(() => t.server.connectedSockets() === 2);
    await t.connect();
    await t.close();
    expect(t.server.diagnostics().anonymousAddresses).toBe(0);
  });

  it("releases an anonymous slot when only the namespace disconnects and the transport stays open", async () => {
    await start({ limits: { maxAnonymousConnectionsPerAddress: 1 } });
    const client = await t.connect();
    // A namespace-level disconnect (Socket.IO DISCONNECT packet) while the engine.io connection stays up.
    client.io.engine.send("41");
    await waitUntil(() => t.server.connectedSockets() === 0);
    expect(t.server.diagnostics().anonymousAddresses).toBe(0);
  });

  describe("origin check (cross-site WebSocket hijacking)", () => {
    it("refuses a browser origin from another site", async () => {
      await start();
      const refusal = await t.connectRefused({ token: "alice-token", headers: { origin: "https://evil.example" } });
      expect(refusal.code).toBe("FORBIDDEN");
      expect(t.authenticator.seen).toEqual([]); // refused before credentials are even looked at
    });

    it("refuses the opaque `null` origin", async () => {
      await start();
      expect((await t.connectRefused({ headers: { origin: "null" } })).code).toBe("FORBIDDEN");
    });

    it("accepts the same origin, a listed origin, and clients that send none", async () => {
      await start({ allowedOrigins: ["https://app.example.com"] });
      await t.connect({ headers: { origin: t.url } });
      await t.connect({ headers: { origin: "https://app.example.com" } });
      await t.connect();
      expect((await t.connectRefused({ headers: { origin: "https://app.example.com.evil.example" } })).code).toBe("FORBIDDEN");
      expect(t.server.connectedSockets()).toBe(3);
    });
  });

  it("tells a new socket the current health right after connect", async () => {
    await start();
    t.server.setHealth("degraded", "history store unavailable");
    const client = t.createClient();
    const status = new Promise((resolve) => client.once("realtime:status", resolve));
    client.connect();
    expect(await status).toEqual({ state: "degraded", reason: "history store unavailable" });
    const healthy = t.createClient();
    t.server.setHealth("ok");
    const statuses: unknown[] = [];
    healthy.on("realtime:status", (s) => statuses.push(s));
    await new Promise((resolve) => healthy.once("connect", () => resolve(undefined)).connect());
    // A round trip proves nothing else was queued before it.
    await request(healthy, "realtime:subscribe", { channel: "contract.feed" });
    expect(statuses).toEqual([]);
  });
});
