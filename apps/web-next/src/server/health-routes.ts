import type { HttpRoute, RedisClient } from "@repo/core-di";
import { renderMetrics } from "@repo/core-observability";
import type { Registry } from "@repo/core-observability";
import type { ServerResponse } from "node:http";
import type { Lifecycle } from "./lifecycle";
import { isRedisReachable } from "./redis-health";

export interface HealthRoutesDeps {
  readonly lifecycle: Lifecycle;
  /** `null` when REDIS_URL is unset: readiness then does not depend on it. */
  readonly redis: RedisClient | null;
  readonly metricsRegistry: Registry;
  readonly redisTimeoutMs?: number;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/**
 * Probes for orchestrators and Prometheus:
 * - `GET /healthz`: liveness, 200 `{ status: "ok" }` whenever the process answers
 * - `GET /readyz`: 200 when ready; 503 while starting, draining, or when a configured Redis does not answer
 * - `GET /metrics`: the prom-client registry in Prometheus text format
 *
 * @example
 * dispatcher.addRoutes(createHealthRoutes({ lifecycle, redis, metricsRegistry }));
 */
export function createHealthRoutes(deps: HealthRoutesDeps): HttpRoute[] {
  const redisTimeoutMs = deps.redisTimeoutMs ?? 500;
  return [
    {
      method: "GET",
      path: "/healthz",
      handler: async (_req, res) => sendJson(res, 200, { status: "ok" }),
    },
    {
      method: "GET",
      path: "/readyz",
      async handler(_req, res) {
        const phase = deps.lifecycle.phase;
        if (phase !== "ready") return sendJson(res, 503, { status: phase });
        if (deps.redis === null) return sendJson(res, 200, { status: "ready", checks: { redis: "not-configured" } });
        const redisOk = await isRedisReachable(deps.redis, redisTimeoutMs);
        return redisOk
          ? sendJson(res, 200, { status: "ready", checks: { redis: "ok" } })
          : sendJson(res, 503, { status: "degraded", checks: { redis: "unreachable" } });
      },
    },
    {
      method: "GET",
      path: "/metrics",
      async handler(_req, res) {
        const { contentType, body } = await renderMetrics(deps.metricsRegistry);
        res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
        res.end(body);
      },
    },
  ];
}
