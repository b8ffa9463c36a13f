import { describe, expect, it } from "vitest";
import { connectRefused, connectSocket } from "./__tests__/realtime-test-client";
import { signIn, startTestServer, waitFor } from "./__tests__/test-server";

describe("graceful shutdown", () => {
  it("tells connected clients it is draining, then disconnects them, and finishes clean within the bound", async () => {
    // The bound is SHUTDOWN_TIMEOUT_MS: past it runShutdown reports { clean: false }. Generous, so a loaded machine cannot miss it.
    const server = await startTestServer({ SHUTDOWN_TIMEOUT_MS: "30000" });
    const alice = await signIn(server.url, "alice", "alice-password");
    const clients = await Promise.all([connectSocket(server.url, { cookie: alice.cookie }), connectSocket(server.url)]);

    const stopping = server.shutdown("test");
    expect(server.lifecycle.phase).toBe("draining");

    await waitFor(() => clients.every((c) => !c.socket.connected), 30_000, "clients disconnected");
    for (const client of clients) {
      expect(client.statuses).toEqual([{ state: "draining", reason: "Server is shutting down" }]);
      expect(client.disconnects).toHaveLength(1);
    }
    expect(await stopping).toEqual({ clean: true });
    expect(server.lifecycle.phase).toBe("stopped");
    expect(server.httpServer.listening).toBe(false);
  });

  it("answers /readyz 503 (and Connection: close) while draining; liveness stays 200", async () => {
    const server = await startTestServer();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    server.lifecycle.markDraining();
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "draining" });
    expect(ready.headers.get("connection")).toBe("close");
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.shutdown("test");
  });

  it("refuses new sockets once shutdown started", async () => {
    const server = await startTestServer();
    const stopping = server.shutdown("test");
    await expect(connectRefused(server.url)).rejects.toThrow();
    await stopping;
  });

  it("lets an in-flight HTTP request finish before it closes", async () => {
    const server = await startTestServer();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.dispatcher.addRoutes([
      {
        method: "GET",
        path: "/__test/slow",
        handler: async (_req, res) => {
          await gate;
          res.end("finished");
        },
      },
    ]);
    const pending = fetch(`${server.url}/__test/slow`);
    await waitFor(() => server.dispatcher.inFlight === 1, 30_000, "request in flight");

    let stopped = false;
    const stopping = server.shutdown("test").then((result) => {
      stopped = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false);
    release();
    const response = await pending;
    expect(await response.text()).toBe("finished");
    expect(await stopping).toEqual({ clean: true });
  });
});
