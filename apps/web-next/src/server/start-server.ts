import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { AppDatabase } from "@repo/core-database";
import type { RedisClient } from "@repo/core-di";
import { createLogger, createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import type { Logger } from "@repo/core-observability";
import { PgOutboxWakeSource, RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import type { BroadcastSource, SocketIORealtimeServer } from "@repo/core-realtime/server";
import { bindAll } from "../bind-all";
import type { BoundApp } from "../bind-all";
import type { AppEnv } from "../env";
import { featureMigrations } from "../feature-migrations";
import type { FeatureMigrations } from "@repo/core-database";
import { closeRedis, connectRedis } from "./connect-redis";
import { trackConnections } from "./connection-tracker";
import { createRealtimeServer } from "./create-realtime-server";
import { createDeferredAuthenticator } from "./deferred-authenticator";
import { createHealthRoutes } from "./health-routes";
import { HttpDispatcher } from "./http-dispatcher";
import { databaseTargetOf, describeDatabaseTarget, openAppDatabase } from "./open-app-database";
import type { DatabaseTarget } from "./open-app-database";
import { createLifecycle } from "./lifecycle";
import { watchRedisHealth } from "./redis-health";
import type { Lifecycle } from "./lifecycle";
import { prepareNextApp } from "./next-app";
import type { PreparedNextApp } from "./next-app";
import { runShutdown } from "./shutdown";
import type { ShutdownResult, ShutdownStep } from "./shutdown";
import { createPageCaller, publishPageCaller } from "./page-caller";
import { publishPageRealtimeConfig } from "./page-realtime-config";
import { createTrpcHandler } from "./trpc-handler";
import { ApiKeyRing } from "./realtime-api/api-key-ring";
import { createRealtimeApiRoutes } from "./realtime-api/realtime-api-routes";

/** apps/web-next, where `app/` and `.next/` live. */
export const APP_DIR = fileURLToPath(new URL("../..", import.meta.url));

export interface StartServerOptions {
  readonly env: AppEnv;
  /** Overrides env.PORT; 0 picks a free port (tests). */
  readonly port?: number;
  /** Overrides env.HOST. */
  readonly host?: string;
  /** Serve pages through Next (`dev` or the build output), or not at all (`false`: API-only tests). */
  readonly next?: { readonly dev: boolean } | false;
  readonly logger?: Logger;
  /** Printed at warn on start (see `parseEnv`). */
  readonly warnings?: readonly string[];
  /** Overrides the store env names (DATABASE_URL / DATA_DIR); in-process tests pass `{ store: "memory" }`. */
  readonly database?: DatabaseTarget;
  /** Applied before binding; defaults to every feature's (`feature-migrations.ts`). Tests add their own. */
  readonly migrations?: readonly FeatureMigrations[];
  /**
   * Broadcast sources allowed before binding seals the allowlist, for code outside the features that
   * broadcasts as itself (tests); after the start, `realtimeServer.broadcaster.sources.allow(source)` returns their grant.
   */
  readonly extraBroadcastSources?: readonly BroadcastSource[];
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:54321` */
  readonly url: string;
  readonly port: number;
  readonly httpServer: Server;
  readonly realtimeServer: SocketIORealtimeServer;
  readonly bound: BoundApp;
  readonly lifecycle: Lifecycle;
  readonly redis: RedisClient | null;
  /** The system of record, migrated; closed by `shutdown` after the features. */
  readonly database: AppDatabase;
  /** The request listener's router; tests mount extra routes on it. */
  readonly dispatcher: HttpDispatcher;
  /** Graceful stop; idempotent. */
  shutdown(reason?: string): Promise<ShutdownResult>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The host a browser would use for the bound address (Next's dev origin check compares against it). */
function publicHost(host: string): string {
  return host === "0.0.0.0" || host === "::" ? "localhost" : host;
}

/**
 * Starts the whole app on one http server: health probes, auth routes,
 * tRPC at `/api/trpc`, Socket.IO at `/socket.io`, and Next for pages.
 * The server listens first (liveness answers, readiness says 503), then
 * opens the database (DATABASE_URL, else the embedded store in DATA_DIR)
 * and applies every feature's migrations, binds features and prepares
 * Next, then turns ready. A failed migration (`MigrationFailedError`) or a
 * DATA_DIR held by another live process (`DATA_DIR_IN_USE`) stops the start.
 *
 * @example
 * const running = await startServer({ env, port: 0, next: { dev: false } });
 * await running.shutdown("test done");
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const env = options.env;
  const logger = options.logger ?? createLogger({ name: "web-next", level: env.LOG_LEVEL });
  for (const warning of options.warnings ?? []) logger.warn({ config: true }, warning);

  const lifecycle = createLifecycle();
  const metricsRegistry = createMetricsRegistry();
  const realtimeMetrics = createRealtimeMetrics(metricsRegistry);
  const redis = env.REDIS_URL === undefined ? null : await connectRedis(env.REDIS_URL, logger);

  const dispatcher = new HttpDispatcher({
    logger,
    isDraining: () => lifecycle.phase !== "ready" && lifecycle.phase !== "starting",
    allowedOrigins: env.CORS_ORIGINS,
  });
  const databaseTarget = options.database ?? databaseTargetOf(env);
  let database: AppDatabase | null = null;
  // Readiness is only asked once ready, when the database is open; before that the lifecycle answers 503.
  const databaseProbe = databaseTarget.store === "memory" ? ("in-memory" as const) : { ping: async () => database?.ping() };
  dispatcher.addRoutes(createHealthRoutes({ lifecycle, redis, metricsRegistry, metricsToken: env.METRICS_TOKEN, database: databaseProbe }));
  const httpServer = createServer(dispatcher.listener);
  const connections = trackConnections(httpServer);

  const registry = new RealtimeHandlerRegistry();
  const deferred = createDeferredAuthenticator();
  const realtimeServer = createRealtimeServer({
    httpServer,
    registry,
    authenticator: deferred.authenticator,
    logger,
    metrics: realtimeMetrics,
    allowedOrigins: env.CORS_ORIGINS,
    redis,
    env,
  });
  // Readiness answers the load balancer; this tells connected clients (ADR-019: degraded, never dropped).
  const stopRedisWatch =
    redis === null
      ? () => undefined
      : watchRedisHealth({
          redis,
          intervalMs: env.REDIS_HEALTH_INTERVAL_MS,
          onChange: (healthy) => {
            logger.warn({ redis: healthy ? "ok" : "unreachable" }, "redis_health_changed");
            // Stopped before draining starts, so this never overwrites "draining"; new sockets get the current state on connect.
            realtimeServer.setHealth(healthy ? "ok" : "degraded", healthy ? undefined : "Redis unavailable");
          },
        });

  const host = options.host ?? env.HOST;
  const port = await listen(httpServer, options.port ?? env.PORT, host);
  const url = `http://${publicHost(host)}:${port}`;
  logger.info({ url, phase: lifecycle.phase }, "server_listening");

  let bound: BoundApp | null = null;
  let nextApp: PreparedNextApp | null = null;
  let shuttingDown: Promise<ShutdownResult> | null = null;
  let unpublishPageCaller: (() => void) | null = null;
  // Before Next serves any page: each page's client must speak the version this server requires.
  const unpublishPageRealtimeConfig = publishPageRealtimeConfig({ protocolVersion: realtimeServer.protocolVersion });

  const shutdown = (reason = "shutdown"): Promise<ShutdownResult> =>
    (shuttingDown ??= (async () => {
      logger.info({ reason }, "server_draining");
      lifecycle.markDraining();
      stopRedisWatch();
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      const realtimeDrainMs = Math.max(100, Math.floor(env.SHUTDOWN_TIMEOUT_MS * 0.6));
      const steps: ShutdownStep[] = [
        { name: "realtime", run: () => realtimeServer.close({ drainTimeoutMs: realtimeDrainMs }) },
        {
          name: "http-in-flight",
          run: async () => {
            if (!(await dispatcher.waitForIdle(realtimeDrainMs))) logger.warn({ inFlight: dispatcher.inFlight }, "http_drain_timeout");
          },
        },
        // In-flight requests have committed: their records are delivered now or by another instance's relay.
        { name: "outbox-relay", run: async () => bound?.outbox.stop() },
        {
          name: "features",
          run: async () => {
            unpublishPageCaller?.();
            unpublishPageRealtimeConfig();
            await bound?.close();
          },
        },
        { name: "next", run: async () => nextApp?.close() },
        // After the features and pages: they may still be finishing a query.
        { name: "database", run: async () => database?.close() },
        { name: "redis", run: async () => (redis === null ? undefined : closeRedis(redis)) },
        {
          name: "http-server",
          run: async () => {
            // Idle keep-alive and upgraded (HMR) sockets would hold close() open forever.
            connections.destroyAll();
            await httpClosed;
          },
        },
      ];
      const result = await runShutdown(steps, {
        timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
        logger,
        onTimeout: () => connections.destroyAll(),
      });
      lifecycle.markStopped();
      logger.info({ clean: result.clean }, "server_stopped");
      return result;
    })());

  try {
    const opened = await openAppDatabase(databaseTarget, options.migrations ?? featureMigrations, logger);
    database = opened.database;
    logger.info({ ...describeDatabaseTarget(databaseTarget), migrations: opened.reports.filter((report) => report.applied.length > 0) }, "database_ready");
    const apiKeys = new ApiKeyRing(env.REALTIME_API_KEYS);
    // The source gate's allowlist: each configured key publishes as server-api:<key id>, no other caller.
    // Before bindAll, which seals the allowlist once the features are bound.
    realtimeServer.serverApi.allowCallers(apiKeys.keyIds());
    for (const source of options.extraBroadcastSources ?? []) realtimeServer.broadcaster.sources.allow(source);
    bound = await bindAll(
      { realtime: realtimeServer.broadcaster, realtimeSources: realtimeServer.broadcaster.sources, realtimeRegistry: registry, realtimeServer, redis },
      {
        env,
        logger,
        metricsRegistry,
        instanceId: realtimeServer.instanceId,
        database,
        // A PostgreSQL server also has other instances' commits; PGlite lives in this process, and bindAll listens on it.
        ...(databaseTarget.store === "postgres" ? { outboxWake: new PgOutboxWakeSource({ connection: databaseTarget.url, logger }) } : {}),
      },
    );
    deferred.resolve(bound.authenticator);
    unpublishPageCaller = publishPageCaller(createPageCaller(bound, logger));
    dispatcher.addRoutes(bound.httpRoutes);
    dispatcher.addRoutes(createRealtimeApiRoutes({ api: realtimeServer.serverApi, keys: apiKeys, logger }));
    dispatcher.setTrpcHandler(createTrpcHandler({ router: bound.appRouter, authenticator: bound.authenticator, logger, maxBatchSize: env.TRPC_MAX_BATCH_SIZE }));
    const nextOptions = options.next ?? { dev: env.NODE_ENV !== "production" };
    if (nextOptions !== false) {
      nextApp = await prepareNextApp({ dev: nextOptions.dev, dir: APP_DIR, hostname: publicHost(host), port, httpServer });
      dispatcher.setPageHandler(nextApp.handler);
    }
  } catch (error) {
    logger.fatal({ err: error }, "server_start_failed");
    deferred.reject(error instanceof Error ? error : new Error(String(error)));
    await shutdown("start failed");
    throw error;
  }

  lifecycle.markReady();
  logger.info({ url, realtime: bound.realtime.bound, instanceId: realtimeServer.instanceId, next: options.next ?? "default" }, "server_ready");
  return { url, port, httpServer, realtimeServer, bound, lifecycle, redis, database, dispatcher, shutdown };
}
