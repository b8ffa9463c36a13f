import { InMemoryEventBus, InMemoryJobQueue } from "@repo/core-events";
import type { BindContext } from "@repo/core-di";
import { createMetricsRegistry, getTracer } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { InMemoryRealtimeBroadcaster, RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import { RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bindDevSeedNotifications } from "./bind-dev-seed";
import { bindProductionNotifications } from "./bind-production";
import { DEV_SEED_NOTIFICATIONS } from "./dev-seed/seed-notifications";
import { NotificationsSymbols } from "./di/symbols";
import { notificationsChannel } from "./realtime/notifications.channel";
import { notificationsMigrations } from "./migrations/notifications-migrations";
import { SqlNotificationRepository } from "./repositories/sql-notification-repository";
import { createInMemoryDatabase } from "@repo/core-database";
import type { AppDatabase } from "@repo/core-database";
import { openInMemoryDatabase } from "@repo/core-database/testing";

function bindContext(overrides: Partial<BindContext> = {}): BindContext {
  const { logger } = createLogCapture();
  const bus = new InMemoryEventBus({ logger });
  const realtime = new InMemoryRealtimeBroadcaster();
  return {
    config: { env: "test", sessionSecret: "test-secret", sessionTtlSeconds: 60, secureCookies: false },
    tracer: getTracer("notifications-test"),
    logger,
    bus,
    queue: new InMemoryJobQueue({ logger, bus }),
    realtime,
    realtimeSources: realtime.sources,
    realtimeRegistry: new RealtimeHandlerRegistry(),
    realtimeServer: null,
    redis: null,
    database: createInMemoryDatabase(),
    metricsRegistry: createMetricsRegistry(),
    ...overrides,
  };
}

/** Opening PGlite runs initdb in WASM: seconds idle, much more on a loaded machine. */
const OPEN_TIMEOUT_MS = 180_000;

describe("notifications bind functions", () => {
  // One migrated database for the tests that query, emptied before each; binding alone never queries.
  let database: AppDatabase;
  beforeAll(async () => {
    database = await openInMemoryDatabase([notificationsMigrations]);
  }, OPEN_TIMEOUT_MS);
  afterAll(() => database.close(), OPEN_TIMEOUT_MS);
  beforeEach(async () => {
    await database.db.$extendTables<{ notifications: { id: string } }>().deleteFrom("notifications").execute();
  });

  it("production and dev-seed bind the same tokens (the two files cannot drift)", async () => {
    const production = bindProductionNotifications(bindContext());
    const devSeed = await bindDevSeedNotifications(bindContext({ database }));
    expect(devSeed.container.boundTokens()).toEqual(production.container.boundTokens());
    expect(production.container.boundTokens()).toEqual(Object.values(NotificationsSymbols).map((t) => t.description));
  });

  it("names the module notifications, serves a router, and keeps inboxes in the database, not in Redis", () => {
    const module = bindProductionNotifications(bindContext());
    expect(module.name).toBe("notifications");
    expect(module.router).toBeDefined();
    expect(module.container.get(NotificationsSymbols.notificationRepository)).toBeInstanceOf(SqlNotificationRepository);
  });

  it("registers the user-scoped channel as outbound only", () => {
    const ctx = bindContext();
    bindProductionNotifications(ctx);
    expect(ctx.realtimeRegistry.resolve("notifications.user.bob")).toMatchObject({ kind: "match", descriptor: notificationsChannel, params: { userId: "bob" } });
    expect(ctx.realtimeRegistry.getInboundDescriptor(notificationsChannel.name)).toBeUndefined();
  });

  it("production starts empty; dev-seed has notifications for alice and bob, with unread counts", async () => {
    const production = bindProductionNotifications(bindContext({ database }));
    expect(await production.container.get(NotificationsSymbols.listNotifications)({ userId: "bob" })).toEqual({ notifications: [], unreadCount: 0 });

    const realtime = new InMemoryRealtimeBroadcaster();
    const devSeed = await bindDevSeedNotifications(bindContext({ realtime, realtimeSources: realtime.sources, database }));
    const list = devSeed.container.get(NotificationsSymbols.listNotifications);
    const forBob = DEV_SEED_NOTIFICATIONS.filter((n) => n.userId === "bob");
    const forAlice = DEV_SEED_NOTIFICATIONS.filter((n) => n.userId === "alice");
    expect(forBob.length).toBeGreaterThan(0);
    expect(forAlice.length).toBeGreaterThan(0);
    expect((await list({ userId: "bob" })).unreadCount).toBe(forBob.length);
    // Newest first: the last seed on top.
    expect((await list({ userId: "alice" })).notifications.map((n) => n.id)).toEqual(forAlice.map((n) => n.id).reverse());
    expect((await list({ userId: "bob" })).notifications.map((n) => n.id)).toEqual(forBob.map((n) => n.id).reverse());
  });

  it("seeds idempotently: a restart on the same database stores and pushes nothing again, and keeps read marks", async () => {
    const first = await bindDevSeedNotifications(bindContext({ database }));
    const list = first.container.get(NotificationsSymbols.listNotifications);
    const before = await list({ userId: "bob" });
    await first.container.get(NotificationsSymbols.markNotificationsRead)({ userId: "bob", ids: [DEV_SEED_NOTIFICATIONS.find((n) => n.userId === "bob")!.id] });

    const realtime = new RecordingRealtimeBroadcaster();
    const restarted = await bindDevSeedNotifications(bindContext({ realtime, database }));
    const after = await restarted.container.get(NotificationsSymbols.listNotifications)({ userId: "bob" });
    expect(after.notifications.map((n) => n.id)).toEqual(before.notifications.map((n) => n.id));
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect(realtime.broadcasts).toEqual([]);
  });

  it("logs a failing use case once through the capture layer", async () => {
    const capture = createLogCapture();
    const module = bindProductionNotifications(bindContext({ logger: capture.logger }));
    await expect(module.container.get(NotificationsSymbols.sendNotification)({ userId: "bob", title: "", body: "" })).rejects.toThrow();
    expect(capture.entriesAt(50)).toEqual([expect.objectContaining({ layer: "use-case", name: "notifications.send" })]);
  });
});
