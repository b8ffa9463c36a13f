import { InMemoryEventBus, InMemoryJobQueue } from "@repo/core-events";
import type { BindContext } from "@repo/core-di";
import { createMetricsRegistry, getTracer } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { InMemoryRealtimeBroadcaster, RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import { describe, expect, it } from "vitest";
import { bindDevSeedNotifications } from "./bind-dev-seed";
import { bindProductionNotifications } from "./bind-production";
import { DEV_SEED_NOTIFICATIONS } from "./dev-seed/seed-notifications";
import { NotificationsSymbols } from "./di/symbols";
import { notificationsChannel } from "./realtime/notifications.channel";
import { InMemoryNotificationRepository } from "./repositories/in-memory-notification-repository";
import { createInMemoryDatabase } from "@repo/core-database";

function bindContext(overrides: Partial<BindContext> = {}): BindContext {
  const { logger } = createLogCapture();
  const bus = new InMemoryEventBus({ logger });
  return {
    config: { env: "test", sessionSecret: "test-secret", sessionTtlSeconds: 60, secureCookies: false },
    tracer: getTracer("notifications-test"),
    logger,
    bus,
    queue: new InMemoryJobQueue({ logger, bus }),
    realtime: new InMemoryRealtimeBroadcaster(),
    realtimeRegistry: new RealtimeHandlerRegistry(),
    realtimeServer: null,
    redis: null,
    database: createInMemoryDatabase(),
    metricsRegistry: createMetricsRegistry(),
    ...overrides,
  };
}

describe("notifications bind functions", () => {
  it("production and dev-seed bind the same tokens (the two files cannot drift)", async () => {
    const production = bindProductionNotifications(bindContext());
    const devSeed = await bindDevSeedNotifications(bindContext());
    expect(devSeed.container.boundTokens()).toEqual(production.container.boundTokens());
    expect(production.container.boundTokens()).toEqual(Object.values(NotificationsSymbols).map((t) => t.description));
  });

  it("names the module notifications, serves a router, and keeps inboxes in memory without Redis", () => {
    const module = bindProductionNotifications(bindContext());
    expect(module.name).toBe("notifications");
    expect(module.router).toBeDefined();
    expect(module.container.get(NotificationsSymbols.notificationRepository)).toBeInstanceOf(InMemoryNotificationRepository);
  });

  it("registers the user-scoped channel as outbound only", () => {
    const ctx = bindContext();
    bindProductionNotifications(ctx);
    expect(ctx.realtimeRegistry.resolve("notifications.user.bob")).toMatchObject({ kind: "match", descriptor: notificationsChannel, params: { userId: "bob" } });
    expect(ctx.realtimeRegistry.getInboundDescriptor(notificationsChannel.name)).toBeUndefined();
  });

  it("production starts empty; dev-seed has notifications for alice and bob, with unread counts", async () => {
    const production = bindProductionNotifications(bindContext());
    expect(await production.container.get(NotificationsSymbols.listNotifications)({ userId: "bob" })).toEqual({ notifications: [], unreadCount: 0 });

    const realtime = new InMemoryRealtimeBroadcaster();
    const devSeed = await bindDevSeedNotifications(bindContext({ realtime }));
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

  it("logs a failing use case once through the capture layer", async () => {
    const capture = createLogCapture();
    const module = bindProductionNotifications(bindContext({ logger: capture.logger }));
    await expect(module.container.get(NotificationsSymbols.sendNotification)({ userId: "bob", title: "", body: "" })).rejects.toThrow();
    expect(capture.entriesAt(50)).toEqual([expect.objectContaining({ layer: "use-case", name: "notifications.send" })]);
  });
});
