import type { BindContext } from "@repo/core-di";
import { InMemoryEventBus, InMemoryJobQueue, jobEnqueued } from "@repo/core-events";
import { createMetricsRegistry, createRealtimeMetrics, getTracer } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { BroadcastSourceAllowlist, RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import { RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { describe, expect, it } from "vitest";
import { bindDevSeedAdminObservability } from "./bind-dev-seed";
import { bindProductionAdminObservability } from "./bind-production";
import { AdminObservabilitySymbols } from "./di/symbols";
import { adminObservabilityChannel } from "./realtime/admin-observability.channel";
import { createInMemoryDatabase } from "@repo/core-database";

function bindContext(overrides: Partial<BindContext> = {}): BindContext {
  const { logger } = createLogCapture();
  const bus = new InMemoryEventBus({ logger });
  return {
    config: { env: "test", sessionSecret: "test-secret", sessionTtlSeconds: 60, secureCookies: false },
    tracer: getTracer("admin-observability-test"),
    logger,
    bus,
    queue: new InMemoryJobQueue({ logger, bus }),
    realtime: new RecordingRealtimeBroadcaster(),
    realtimeSources: new BroadcastSourceAllowlist(),
    realtimeRegistry: new RealtimeHandlerRegistry(),
    realtimeServer: null,
    redis: null,
    database: createInMemoryDatabase(),
    metricsRegistry: createMetricsRegistry(),
    ...overrides,
  };
}

/** Long enough for several 50 ms ticks to have fired if the timer were still running. */
const QUIET_MS = 300;
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

describe("admin-observability bind functions", () => {
  it("production and dev-seed bind the same tokens (the two files cannot drift)", async () => {
    const production = bindProductionAdminObservability(bindContext());
    const devSeed = await bindDevSeedAdminObservability(bindContext());
    expect(devSeed.container.boundTokens()).toEqual(production.container.boundTokens());
    expect(production.container.boundTokens()).toEqual(Object.values(AdminObservabilitySymbols).map((t) => t.description));
    await production.close?.();
    await devSeed.close?.();
  });

  it("names the module adminObservability, serves a router and registers the admin channel as outbound only", async () => {
    const ctx = bindContext();
    const module = bindProductionAdminObservability(ctx);
    expect(module.name).toBe("adminObservability");
    expect(module.router).toBeDefined();
    expect(ctx.realtimeRegistry.resolve("admin.observability")).toMatchObject({ kind: "match", descriptor: adminObservabilityChannel });
    expect(ctx.realtimeRegistry.getInboundDescriptor(adminObservabilityChannel.name)).toBeUndefined();
    await module.close?.();
  });

  it("samples ctx.metricsRegistry on its timer, pushes each sample labelled with ctx.instanceId, and stops on close()", async () => {
    const metricsRegistry = createMetricsRegistry();
    const realtimeMetrics = createRealtimeMetrics(metricsRegistry);
    realtimeMetrics.socketConnected();
    realtimeMetrics.subscriptionAdded("articles.feed");
    const realtime = new RecordingRealtimeBroadcaster();
    const module = bindProductionAdminObservability(bindContext({ metricsRegistry, realtime, instanceId: "instance-a" }), { sampleIntervalMs: 50 });
    const snapshot = module.container.get(AdminObservabilitySymbols.getDashboardSnapshot);

    await expect.poll(async () => (await snapshot()).samples.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(await snapshot()).toMatchObject({ instance: "instance-a", sampleIntervalMs: 50, staleAfterMs: 250 });
    expect((await snapshot()).samples.at(-1)).toMatchObject({ instance: "instance-a", connectedSockets: 1, subscriptions: 1, subscriptionsByTemplate: { "articles.feed": 1 } });
    expect(realtime.broadcastsOn(adminObservabilityChannel, {}).length).toBeGreaterThanOrEqual(3);

    await module.close?.();
    await quiet();
    const afterClose = realtime.broadcasts.length;
    await quiet();
    expect(realtime.broadcasts.length).toBe(afterClose);
  });

  it("records allowlisted bus traffic for first paint and pushes it live", async () => {
    const ctx = bindContext();
    const module = bindProductionAdminObservability(ctx);
    await ctx.bus.publish(jobEnqueued, { job: "notify-subscribers", id: "j1" });
    const { events } = await module.container.get(AdminObservabilitySymbols.getDashboardSnapshot)();
    expect(events).toEqual([expect.objectContaining({ name: "job:enqueued", kind: "job", detail: { job: "notify-subscribers", id: "j1" } })]);
    (ctx.realtime as RecordingRealtimeBroadcaster).expectBroadcast(adminObservabilityChannel, {}, { kind: "activity", entry: { id: events[0]?.id } });
    await module.close?.();
    await ctx.bus.publish(jobEnqueued, { job: "notify-subscribers", id: "j2" });
    expect(await module.container.get(AdminObservabilitySymbols.getDashboardSnapshot)()).toMatchObject({ events: [{ detail: { id: "j1" } }] });
  });

  it("dev seed starts with a sample on the chart and a row in the event log", async () => {
    const module = await bindDevSeedAdminObservability(bindContext());
    const snapshot = await module.container.get(AdminObservabilitySymbols.getDashboardSnapshot)();
    expect(snapshot.samples.length).toBeGreaterThanOrEqual(1);
    expect(snapshot.events.map((e) => e.name)).toContain("admin.observability-started");
    await module.close?.();
  });

  it.each([{ sampleIntervalMs: 1 }, { sampleIntervalMs: 100.5 }, { sampleHistorySize: 0 }, { activityLogSize: -1 }])(
    "refuses %o before subscribing to anything",
    async (options) => {
      const ctx = bindContext();
      expect(() => bindProductionAdminObservability(ctx, options)).toThrow(RangeError);
      await ctx.bus.publish(jobEnqueued, { job: "x", id: "j1" });
      (ctx.realtime as RecordingRealtimeBroadcaster).expectNoBroadcast();
      expect(ctx.realtimeRegistry.listChannels()).toEqual([]);
    },
  );
});
