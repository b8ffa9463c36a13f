import type { BindContext } from "@repo/core-di";
import { InMemoryJobQueue } from "@repo/core-events";
import type { IJobQueue } from "@repo/core-events";
import { createMetricsRegistry, getTracer } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import type { LogCapture } from "@repo/core-observability/testing";
import { RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import { RecordingEventBus, RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { createInMemoryDatabase } from "@repo/core-database";

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
 * const { ctx, bus, realtime } = articlesTestContext();
 * const articles = bindProductionArticles(ctx);
 */
export function articlesTestContext(overrides: Partial<BindContext> = {}): ArticlesTestContext {
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
    realtimeRegistry: new RealtimeHandlerRegistry(),
    realtimeServer: null,
    redis: null,
    database: createInMemoryDatabase(),
    metricsRegistry: createMetricsRegistry(),
    ...overrides,
  };
  return { ctx, bus, realtime, queue, logs };
}
