import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMetricsRegistry } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { afterEach, describe, expect, it } from "vitest";
import { probeRedis, TEST_REDIS_URL } from "@repo/core-testing-redis";
import { connectRedis, closeRedis } from "./connect-redis";
import { createHealthRoutes } from "./health-routes";
import type { DatabaseProbe } from "./health-routes";
import { HttpDispatcher } from "./http-dispatcher";
import { createLifecycle } from "./lifecycle";

const redisAvailable = await probeRedis();

describe("readiness with a configured Redis", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function readyz(redisUrl: string): Promise<{ status: number; body: unknown }> {
    const logger = createLogCapture().logger;
    const redis = await connectRedis(redisUrl, logger, 300);
    const lifecycle = createLifecycle();
    lifecycle.markReady();
    const dispatcher = new HttpDispatcher({ logger, isDraining: () => false });
    dispatcher.addRoutes(createHealthRoutes({ lifecycle, redis, metricsRegistry: createMetricsRegistry(), redisTimeoutMs: 300 }));
    const server: Server = createServer(dispatcher.listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(async () => {
      await closeRedis(redis);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`);
    return { status: response.status, body: await response.json() };
  }

  it("answers 503 degraded when Redis does not answer", async () => {
    // Port 1 on loopback: nothing listens there.
    expect(await readyz("redis://127.0.0.1:1")).toEqual({ status: 503, body: { status: "degraded", checks: { redis: "unreachable" } } });
  });

  it.skipIf(!redisAvailable && process.env.CI !== "true")("answers 200 when Redis answers PING", async () => {
    expect(await readyz(TEST_REDIS_URL)).toEqual({ status: 200, body: { status: "ready", checks: { redis: "ok" } } });
  });
});

describe("readiness follows the lifecycle", () => {
  it.each([
    { phase: "starting", advance: [] as const, status: 503 },
    { phase: "ready", advance: ["markReady"] as const, status: 200 },
    { phase: "draining", advance: ["markReady", "markDraining"] as const, status: 503 },
  ])("answers $status while $phase (liveness always 200)", async ({ phase, advance, status }) => {
    const lifecycle = createLifecycle();
    for (const step of advance) lifecycle[step]();
    const routes = createHealthRoutes({ lifecycle, redis: null, metricsRegistry: createMetricsRegistry() });
    const dispatcher = new HttpDispatcher({ logger: createLogCapture().logger, isDraining: () => false });
    dispatcher.addRoutes(routes);
    const server = createServer(dispatcher.listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(status);
      expect(((await ready.json()) as { status: string }).status).toBe(phase === "ready" ? "ready" : phase);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("/metrics access", () => {
  function metricsRoute(metricsToken?: string) {
    const routes = createHealthRoutes({ lifecycle: createLifecycle(), redis: null, metricsRegistry: createMetricsRegistry(), metricsToken });
    const route = routes.find((candidate) => candidate.path === "/metrics");
    if (route === undefined) throw new Error("no /metrics route");
    return route;
  }

  async function scrape(remoteAddress: string, metricsToken?: string, authorization?: string): Promise<number> {
    let status = 0;
    const req = { headers: authorization === undefined ? {} : { authorization }, socket: { remoteAddress } } as unknown as IncomingMessage;
    const res = { writeHead: (code: number) => (status = code), end: () => undefined } as unknown as ServerResponse;
    await metricsRoute(metricsToken).handler(req, res);
    return status;
  }

  it.each([
    ["127.0.0.1", 200],
    ["127.8.9.10", 200],
    ["::1", 200],
    ["::ffff:127.0.0.1", 200],
    ["192.0.2.7", 403],
    ["::ffff:192.0.2.7", 403],
    ["2001:db8::1", 403],
  ])("without METRICS_TOKEN answers %s with %i", async (address, status) => {
    expect(await scrape(address)).toBe(status);
  });

  it("with METRICS_TOKEN wants the token from every address, loopback included", async () => {
    expect(await scrape("192.0.2.7", "t0ken", "Bearer t0ken")).toBe(200);
    expect(await scrape("127.0.0.1", "t0ken")).toBe(401);
    expect(await scrape("127.0.0.1", "t0ken", "Bearer t0ke")).toBe(401);
  });
});

describe("readiness pings the database", () => {
  async function readyz(database: DatabaseProbe | "in-memory"): Promise<{ status: number; body: unknown }> {
    const lifecycle = createLifecycle();
    lifecycle.markReady();
    const route = createHealthRoutes({ lifecycle, redis: null, metricsRegistry: createMetricsRegistry(), database, databaseTimeoutMs: 200 }).find(
      (candidate) => candidate.path === "/readyz",
    );
    if (route === undefined) throw new Error("no /readyz route");
    let status = 0;
    let body = "";
    const res = { writeHead: (code: number) => (status = code), end: (text: string) => (body = text) } as unknown as ServerResponse;
    await route.handler({} as IncomingMessage, res);
    return { status, body: JSON.parse(body) as unknown };
  }

  it("answers 200 when the database answers", async () => {
    expect(await readyz({ ping: async () => undefined })).toEqual({ status: 200, body: { status: "ready", checks: { database: "ok", redis: "not-configured" } } });
  });

  it.each([
    ["fails", () => Promise.reject(new Error("connection refused"))],
    ["does not answer in time", () => new Promise<void>(() => undefined)],
  ])("answers 503 degraded when the database %s", async (_case, ping) => {
    expect(await readyz({ ping })).toEqual({ status: 503, body: { status: "degraded", checks: { database: "unreachable", redis: "not-configured" } } });
  });

  it("reports an in-memory store without pinging it (it lives in this process)", async () => {
    expect(await readyz("in-memory")).toEqual({ status: 200, body: { status: "ready", checks: { database: "in-memory", redis: "not-configured" } } });
  });
});
