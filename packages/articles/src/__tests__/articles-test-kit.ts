import type { BindContext } from "@repo/core-di";
import { InMemoryJobQueue } from "@repo/core-events";
import type { IJobQueue } from "@repo/core-events";
import { createMetricsRegistry, getTracer } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import type { LogCapture } from "@repo/core-observability/testing";
import { BroadcastSourceAllowlist, RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import { RecordingEventBus, RecordingRealtimeBroadcaster } from "@repo/core-testing";
import type { AppDatabase } from "@repo/core-database";
import { openInMemoryDatabase } from "@repo/core-database/testing";
import { articlesMigrations } from "../migrations/articles-migrations";
import type { ArticlesTables } from "../repositories/sql-article-repository";

/** Opening an in-memory PGlite runs initdb in WASM: seconds idle, much more on a loaded machine. */
export const DATABASE_HOOK_TIMEOUT_MS = 180_000;

/**
 * A fresh in-memory PGlite with the articles schema: open one per test file in
 * `beforeAll(..., DATABASE_HOOK_TIMEOUT_MS)` and empty it between tests with `clearArticles`.
 *
 * @example
 * beforeAll(async () => { database = await openArticlesTestDatabase(); }, DATABASE_HOOK_TIMEOUT_MS);
 */
export function openArticlesTestDatabase(): Promise<AppDatabase> {
  return openInMemoryDatabase([articlesMigrations]);
}

/** Deletes every article, so the next test starts from an empty store. */
export async function clearArticles(database: AppDatabase): Promise<void> {
  await database.db.$extendTables<ArticlesTables>().deleteFrom("articles").execute();
}

/** A BindContext of real in-memory parts and Recording doubles, plus handles on them for assertions. */
export interface ArticlesTestContext {
  readonly ctx: BindContext;
  readonly bus: RecordingEventBus;
  readonly realtime: RecordingRealtimeBroadcaster;
  readonly queue: IJobQueue;
  readonly logs: LogCapture;
}

/**
 * @example
 * const { ctx, bus, realtime } = articlesTestContext({ database }); // database from openArticlesTestDatabase()
 * const articles = bindProductionArticles(ctx);
 */
export function articlesTestContext(overrides: Partial<BindContext> & { readonly database: AppDatabase }): ArticlesTestContext {
  const logs = createLogCapture();
  const bus = new RecordingEventBus({ logger: logs.logger });
  const realtime = new RecordingRealtimeBroadcaster();
  const queue = new InMemoryJobQueue({ logger: logs.logger, bus });
  const ctx: BindContext = {
    config: { env: "test", sessionSecret: "test-secret", sessionTtlSeconds: 60, secureCookies: false },
    tracer: getTracer("articles-test"),
    logger: logs.logger,
    bus,
    queue,
    realtime,
    realtimeSources: new BroadcastSourceAllowlist(),
    realtimeRegistry: new RealtimeHandlerRegistry(),
    realtimeServer: null,
    redis: null,
    metricsRegistry: createMetricsRegistry(),
    ...overrides,
  };
  return { ctx, bus, realtime, queue, logs };
}
