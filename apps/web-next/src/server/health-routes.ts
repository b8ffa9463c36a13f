import type { HttpRoute, RedisClient } from "@repo/core-di";
import { renderMetrics } from "@repo/core-observability";
import type { Registry } from "@repo/core-observability";
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Lifecycle } from "./lifecycle";
import { isRedisReachable } from "./redis-health";

export interface HealthRoutesDeps {
  readonly lifecycle: Lifecycle;
  /** `null` when REDIS_URL is unset: readiness then does not depend on it. */
  readonly redis: RedisClient | null;
  readonly metricsRegistry: Registry;
  readonly redisTimeoutMs?: number;
  /**
   * The system of record, pinged on every readiness probe; `"in-memory"` (tests) lives in this
   * process and is reported without a ping; absent: not part of the answer (unit tests of other checks).
   */
  readonly database?: DatabaseProbe | "in-memory";
  readonly databaseTimeoutMs?: number;
  /** `METRICS_TOKEN`: when set, `/metrics` wants `Authorization: Bearer <token>`; unset, it answers loopback clients only. */
  readonly metricsToken?: string | undefined;
}

/** What readiness needs of the database: `AppDatabase.ping`. */
export interface DatabaseProbe {
  ping(): Promise<void>;
}

/** True when the database answers within `timeoutMs`. */
async function isDatabaseReachable(database: DatabaseProbe, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  // A ping that fails after the timeout won is the answer too; it must not surface as unhandled.
  const answered = database.ping().then(
    () => true,
    (error: unknown) => {
      if (error instanceof Error) return false;
      throw error;
    },
  );
  try {
    return await Promise.race([answered, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms: the scraper runs on this host. */
function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return v4.startsWith("127.") || address === "::1";
}

/** Constant-time comparison of a bearer token with the configured one (hashing first evens out the lengths). */
function bearerMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (match?.[1] === undefined) return false;
  const digest = (value: string): Buffer => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/** Why `/metrics` is refused to this request, or null (see `HealthRoutesDeps.metricsToken`). */
function metricsRefusal(req: Pick<IncomingMessage, "headers" | "socket">, token: string | undefined): { status: 401 | 403; code: string } | null {
  if (token !== undefined) return bearerMatches(req.headers.authorization, token) ? null : { status: 401, code: "UNAUTHENTICATED" };
  return isLoopbackAddress(req.socket.remoteAddress) ? null : { status: 403, code: "FORBIDDEN" };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/**
 * Probes for orchestrators and Prometheus:
 * - `GET /healthz`: liveness, 200 `{ status: "ok" }` whenever the process answers
 * - `GET /readyz`: 200 when ready; 503 while starting, draining, or when the database or a configured Redis does not answer
 * - `GET /metrics`: the prom-client registry in Prometheus text format, behind
 *   `Authorization: Bearer <METRICS_TOKEN>` when set (401 otherwise), else to loopback clients only (403)
 *
 * @example
 * dispatcher.addRoutes(createHealthRoutes({ lifecycle, redis, metricsRegistry }));
 */
export function createHealthRoutes(deps: HealthRoutesDeps): HttpRoute[] {
  const redisTimeoutMs = deps.redisTimeoutMs ?? 500;
  const databaseTimeoutMs = deps.databaseTimeoutMs ?? 1_000;
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
        const [database, redis] = await Promise.all([
          deps.database === undefined || deps.database === "in-memory"
            ? deps.database
            : isDatabaseReachable(deps.database, databaseTimeoutMs).then((ok) => (ok ? "ok" : "unreachable")),
          deps.redis === null ? "not-configured" : isRedisReachable(deps.redis, redisTimeoutMs).then((ok) => (ok ? "ok" : "unreachable")),
        ]);
        const checks = database === undefined ? { redis } : { database, redis };
        const healthy = database !== "unreachable" && redis !== "unreachable";
        return sendJson(res, healthy ? 200 : 503, { status: healthy ? "ready" : "degraded", checks });
      },
    },
    {
      method: "GET",
      path: "/metrics",
      async handler(req, res) {
        const refusal = metricsRefusal(req, deps.metricsToken);
        if (refusal !== null) {
          const challenge: Record<string, string> = refusal.status === 401 ? { "www-authenticate": "Bearer" } : {};
          res.writeHead(refusal.status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...challenge });
          res.end(JSON.stringify({ error: { code: refusal.code, message: "Metrics need the scrape token (METRICS_TOKEN) or a loopback client" } }));
          return;
        }
        const { contentType, body } = await renderMetrics(deps.metricsRegistry);
        res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
        res.end(body);
      },
    },
  ];
}
