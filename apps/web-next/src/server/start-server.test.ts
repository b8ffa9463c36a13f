import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectSocket } from "./__tests__/realtime-test-client";
import { signIn, startTestServer, waitFor } from "./__tests__/test-server";
import type { TestServer } from "./__tests__/test-server";

// The real server with Next serving the `next build` output (turbo runs `build` before `test`).
describe("startServer: one port for pages, tRPC, Socket.IO and probes", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({}, { dev: false });
  });

  afterAll(async () => {
    await server.shutdown("test done");
  });

  it("serves the home page through Next", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("<title>Realtime Starter</title>");
    expect(html).toContain("Realtime Starter</h1>");
  });

  it("serves the sign-in page", async () => {
    const html = await (await fetch(`${server.url}/sign-in`)).text();
    expect(html).toContain("Sign in");
    expect(html).toContain('name="password"');
  });

  it("answers tRPC and Socket.IO on the same port as the pages", async () => {
    const trpc = await fetch(`${server.url}/api/trpc/realtime.channels`);
    expect(trpc.status).toBe(200);
    const body = (await trpc.json()) as { result: { data: Array<{ name: string; authorized: boolean | null }> } };
    expect(body.result.data).toContainEqual(expect.objectContaining({ name: "realtime-ping", authorized: true }));

    const client = await connectSocket(server.url);
    expect(client.socket.connected).toBe(true);
    client.close();
  });

  it("identifies tRPC callers by cookie and by Bearer token", async () => {
    const alice = await signIn(server.url, "alice", "alice-password");
    const viaCookie = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { cookie: alice.cookie } });
    expect(await viaCookie.json()).toEqual({ result: { data: { id: "alice", roles: ["admin"] } } });
    const viaBearer = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(await viaBearer.json()).toEqual({ result: { data: { id: "alice", roles: ["admin"] } } });
    const anonymous = await fetch(`${server.url}/api/trpc/auth.me`);
    expect(await anonymous.json()).toEqual({ result: { data: null } });
    const forged = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { authorization: "Bearer abc.def" } });
    expect(await forged.json()).toEqual({ result: { data: null } });
  });

  it("echoes a request id on tRPC responses", async () => {
    const response = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { "x-request-id": "req-123" } });
    expect(response.headers.get("x-request-id")).toBe("req-123");
  });

  it("answers liveness and readiness", async () => {
    const live = await fetch(`${server.url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "in-memory", redis: "not-configured" } });
  });

  it("exposes Prometheus metrics, realtime_connected_sockets included", async () => {
    const client = await connectSocket(server.url);
    await waitFor(() => server.realtimeServer.connectedSockets() === 1, 3_000, "socket registered");
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain("# TYPE realtime_connected_sockets gauge");
    expect(text).toMatch(/^realtime_connected_sockets 1$/m);
    expect(text).toContain("process_cpu_user_seconds_total");
    client.close();
  });

  it("refuses the wrong method on a known route with 405", async () => {
    const response = await fetch(`${server.url}/api/auth/login`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});
