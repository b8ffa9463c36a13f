import { randomUUID } from "node:crypto";
import { bindDevSeedAdminObservability, bindProductionAdminObservability } from "@repo/admin-observability";
import { bindDevSeedArticles, bindProductionArticles } from "@repo/articles";
import { AuthSymbols, bindDevSeedAuth, bindProductionAuth } from "@repo/auth";
import type { AppDatabase } from "@repo/core-database";
import type { BindContext, FeatureConfig, FeatureModule, HttpRoute } from "@repo/core-di";
import { InMemoryEventBus, InMemoryJobQueue } from "@repo/core-events";
import { createEventMetrics, createLogger, createMetricsRegistry, createOutboxMetrics, getTracer } from "@repo/core-observability";
import type { Logger, Registry } from "@repo/core-observability";
import { PGliteOutboxWakeSource } from "@repo/core-realtime/server";
import type { IOutboxWakeSource, IRealtimeAuthenticator } from "@repo/core-realtime/server";
import { router } from "@repo/core-trpc";
import { bindDevSeedNotifications, bindProductionNotifications } from "@repo/notifications";
import { bindDevSeedPolls, bindProductionPolls } from "@repo/polls";
import { bindProductionApp } from "./bind-production";
import { loadProcessEnv } from "./env";
import type { AppEnv } from "./env";
import { featureMigrations } from "./feature-migrations";
import { featureRouters } from "./feature-routers";
import { createAppOutbox, exitAfterCommitOn } from "./realtime/app-outbox";
import { resolveRealtime } from "./realtime/resolve-realtime";
import { openAppDatabase } from "./server/open-app-database";
import type { BindAllDeps, RealtimeBinding } from "./realtime/resolve-realtime";

export type { BindAllDeps } from "./realtime/resolve-realtime";

export interface BindAllOptions {
  /** Defaults to this process's parsed environment. */
  readonly env?: AppEnv;
  readonly logger?: Logger;
  /** The registry `/metrics` serves; defaults to a fresh one. */
  readonly metricsRegistry?: Registry;
  /** The realtime instance id (tags ping ticks, labels the admin dashboard's samples: `ctx.instanceId`); defaults to a random id. */
  readonly instanceId?: string;
  /**
   * The system of record, already migrated (`startServer` opens it from
   * DATABASE_URL / DATA_DIR). Defaults to a fresh in-memory embedded
   * PostgreSQL, migrated here and closed by `close()`.
   */
  readonly database?: AppDatabase;
  /**
   * Wakes this instance's outbox relay on commits made elsewhere (PostgreSQL `LISTEN`). Unset: the
   * embedded store's own `listen` when the database has one (PGlite), else only the commit hook and the poll.
   */
  readonly outboxWake?: IOutboxWakeSource;
}

/** The caller's database, or a fresh in-memory one this app owns (and closes), opened and migrated as `startServer` does. */
async function resolveDatabase(given: AppDatabase | undefined, logger: Logger): Promise<{ database: AppDatabase; owned: boolean }> {
  if (given !== undefined) return { database: given, owned: false };
  const { database } = await openAppDatabase({ store: "memory" }, featureMigrations, logger);
  return { database, owned: true };
}

/** The given wake source, else the embedded store's `listen` (PGlite: NOTIFY reaches this process only, which is all there is). */
function wakeOf(given: IOutboxWakeSource | undefined, database: AppDatabase): { wake?: IOutboxWakeSource } {
  if (given !== undefined) return { wake: given };
  return database.listen === undefined ? {} : { wake: new PGliteOutboxWakeSource({ listen: database.listen }) };
}

/** The feature config every feature receives, derived from the app's env. */
function featureConfigFromEnv(env: AppEnv): FeatureConfig {
  return {
    env: env.NODE_ENV,
    sessionSecret: env.SESSION_SECRET,
    sessionTtlSeconds: env.SESSION_TTL_SECONDS,
    secureCookies: env.COOKIE_SECURE,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    authLimits: {
      maxSessionsPerUser: env.AUTH_MAX_SESSIONS_PER_USER,
      login: {
        attemptsPerAccount: env.AUTH_LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
        attemptsPerAddress: env.AUTH_LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
        windowSeconds: env.AUTH_LOGIN_WINDOW_SECONDS,
      },
      signup: { attemptsPerAddress: env.AUTH_SIGNUP_MAX_PER_ADDRESS, windowSeconds: env.AUTH_SIGNUP_WINDOW_SECONDS },
    },
  };
}

/** Production wiring, or production plus seed data, per APP_SEED. */
function chooseBind<R>(
  env: AppEnv,
  ctx: BindContext,
  production: (ctx: BindContext) => FeatureModule<R>,
  devSeed: (ctx: BindContext) => Promise<FeatureModule<R>>,
): Promise<FeatureModule<R>> {
  return env.APP_SEED === "dev" ? devSeed(ctx) : Promise.resolve(production(ctx));
}

function collectHttpRoutes(features: Readonly<Record<string, FeatureModule<unknown>>>): HttpRoute[] {
  const routes = Object.values(features).flatMap((feature) => feature.httpRoutes ?? []);
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`Two features serve ${key}`);
    seen.add(key);
  }
  return routes;
}

async function createBoundApp(deps: BindAllDeps | undefined, options: BindAllOptions) {
  const env = options.env ?? loadProcessEnv().env;
  const binding: RealtimeBinding = resolveRealtime(deps, env);
  const logger = options.logger ?? createLogger({ name: "web-next", level: env.LOG_LEVEL });
  const metricsRegistry = options.metricsRegistry ?? createMetricsRegistry();
  const eventMetrics = createEventMetrics(metricsRegistry);
  const bus = new InMemoryEventBus({ logger, metrics: eventMetrics });
  const queue = new InMemoryJobQueue({ logger, metrics: eventMetrics, bus });
  const { database, owned: ownsDatabase } = await resolveDatabase(options.database, logger);
  const instanceId = options.instanceId ?? randomUUID();
  const exitChannel = env.OUTBOX_TEST_EXIT_AFTER_COMMIT;
  const outbox = createAppOutbox({
    database,
    broadcaster: binding.realtime,
    sources: binding.realtimeSources,
    registry: binding.realtimeRegistry,
    logger,
    metrics: createOutboxMetrics(metricsRegistry),
    ...wakeOf(options.outboxWake, database),
    pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
    // Only ever set under NODE_ENV=test (parseEnv): the crash test's fault hook.
    ...(exitChannel === undefined ? {} : { afterCommit: exitAfterCommitOn(exitChannel, (code) => process.exit(code)) }),
  });
  const ctx: BindContext = {
    config: featureConfigFromEnv(env),
    tracer: getTracer("web-next"),
    logger,
    bus,
    queue,
    realtime: binding.realtime,
    realtimeSources: binding.realtimeSources,
    realtimeRegistry: binding.realtimeRegistry,
    realtimeServer: binding.realtimeServer,
    redis: binding.redis,
    database,
    metricsRegistry,
    instanceId,
    transactions: outbox.transactions,
  };

  // One line per feature, keyed by its name (the generator adds lines above the anchor).
  const features = {
    auth: await chooseBind(env, ctx, bindProductionAuth, bindDevSeedAuth),
    notifications: await chooseBind(env, ctx, bindProductionNotifications, bindDevSeedNotifications),
    articles: await chooseBind(env, ctx, bindProductionArticles, bindDevSeedArticles),
    polls: await chooseBind(env, ctx, bindProductionPolls, bindDevSeedPolls),
    adminObservability: await chooseBind(env, ctx, bindProductionAdminObservability, bindDevSeedAdminObservability),
    // @anchor:features
  };

  // Every channel is registered now; records committed while this instance was down are delivered first.
  await outbox.start();

  const appRealtime = bindProductionApp(ctx, {
    instanceId,
    pingIntervalMs: env.REALTIME_PING_INTERVAL_MS,
  });
  // Binding ends here: every source is on the allowlist now, and no later code can add one (ADR-016).
  binding.realtimeSources.seal();
  const appRouter = router({ ...featureRouters(features), realtime: appRealtime.router });
  const authenticator: IRealtimeAuthenticator = features.auth.container.get(AuthSymbols.realtimeAuthenticator);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await outbox.stop();
      await appRealtime.close();
      for (const feature of Object.values(features) as FeatureModule<unknown>[]) await feature.close?.();
      await queue.close();
      if (ownsDatabase) await database.close();
    })());

  return {
    features,
    appRouter,
    authenticator,
    httpRoutes: collectHttpRoutes(features),
    realtime: binding,
    outbox,
    database,
    logger,
    metricsRegistry,
    close,
  };
}

/** Everything `bindAll` wired. */
export type BoundApp = Awaited<ReturnType<typeof createBoundApp>>;

/** The typed tRPC router of the whole app (client components import this type only). */
export type AppRouter = BoundApp["appRouter"];

/**
 * Wires every feature and the app's own realtime pieces. Pass the server's
 * Socket.IO parts (all of them) or nothing: without deps the in-memory
 * broadcaster is used, which throws in production (`RealtimeNotBoundError`).
 *
 * @example
 * const bound = await bindAll({ realtime: server.broadcaster, realtimeSources: server.broadcaster.sources, realtimeRegistry: registry, realtimeServer: server, redis });
 * createTrpcHandler(bound.appRouter, bound.authenticator);
 */
export function bindAll(deps?: BindAllDeps, options: BindAllOptions = {}): Promise<BoundApp> {
  return createBoundApp(deps, options);
}
