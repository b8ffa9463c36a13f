import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLogCapture } from "@repo/core-observability/testing";
import { afterEach, describe, expect, it } from "vitest";
import { HttpDispatcher } from "./http-dispatcher";

describe("HttpDispatcher", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
    server = undefined;
  });

  async function serve(dispatcher: HttpDispatcher): Promise<string> {
    server = createServer(dispatcher.listener);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const text = (body: string) => async (_req: unknown, res: { end(body: string): void }) => res.end(body);

  it("routes exact routes first, then /api/trpc, then pages", async () => {
    const dispatcher = new HttpDispatcher({ logger: createLogCapture().logger, isDraining: () => false });
    dispatcher.addRoutes([{ method: "GET", path: "/healthz", handler: text("route") }]);
    dispatcher.setTrpcHandler(text("trpc"));
    dispatcher.setPageHandler(text("page"));
    const base = await serve(dispatcher);
    const body = async (path: string) => (await fetch(`${base}${path}`)).text();
    expect(await body("/healthz")).toBe("route");
    expect(await body("/healthz?x=1")).toBe("route");
    expect(await body("/api/trpc/auth.me")).toBe("trpc");
    expect(await body("/api/trpc")).toBe("trpc");
    expect(await body("/api/trpcx")).toBe("page");
    expect(await body("/")).toBe("page");
    expect(await body("/sign-in")).toBe("page");
  });

  it("answers 503 STARTING for handlers not mounted yet", async () => {
    const dispatcher = new HttpDispatcher({ logger: createLogCapture().logger, isDraining: () => false });
    const base = await serve(dispatcher);
    for (const path of ["/", "/api/trpc/x"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: "STARTING" } });
    }
  });

  it("turns a throwing handler into a logged 500 without internals", async () => {
    const capture = createLogCapture();
    const dispatcher = new HttpDispatcher({ logger: capture.logger, isDraining: () => false });
    dispatcher.setPageHandler(() => Promise.reject(new Error("secret internals")));
    const base = await serve(dispatcher);
    const response = await fetch(`${base}/boom`);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain("secret internals");
    expect(JSON.parse(body)).toEqual({ error: { code: "INTERNAL", message: "Internal server error" } });
    expect(capture.entriesAt(50)).toEqual([expect.objectContaining({ msg: "http_handler_failed", path: "/boom" })]);
  });

  it("refuses to mount one method and path twice", () => {
    const dispatcher = new HttpDispatcher({ logger: createLogCapture().logger, isDraining: () => false });
    dispatcher.addRoutes([{ method: "POST", path: "/a", handler: text("1") }]);
    expect(() => dispatcher.addRoutes([{ method: "POST", path: "/a", handler: text("2") }])).toThrow("already mounted");
  });

  it("counts requests in flight and reports idle", async () => {
    const dispatcher = new HttpDispatcher({ logger: createLogCapture().logger, isDraining: () => true });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    dispatcher.setPageHandler(async (_req, res) => {
      await gate;
      res.end("ok");
    });
    const base = await serve(dispatcher);
    const pending = fetch(`${base}/`);
    const deadline = Date.now() + 2_000;
    while (dispatcher.inFlight === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(dispatcher.inFlight).toBe(1);
    await expect(dispatcher.waitForIdle(50)).resolves.toBe(false);
    const idle = dispatcher.waitForIdle(2_000);
    release();
    const response = await pending;
    expect(response.headers.get("connection")).toBe("close");
    await expect(idle).resolves.toBe(true);
    expect(dispatcher.inFlight).toBe(0);
  });
});
