import { createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { jobCompleted } from "@repo/core-events";
import { bindRealtimeBridge } from "@repo/core-realtime/server";
import type { RealtimeUser } from "@repo/core-realtime";
import { RecordingEventBus, startChannelHarness } from "@repo/core-testing";
import type { ChannelHarness } from "@repo/core-testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMetricsSampler } from "../metrics/start-metrics-sampler";
import { PrometheusRealtimeTotalsSource } from "../metrics/prometheus-realtime-totals-source";
import { InMemoryMetricsSampleStore } from "../repositories/in-memory-metrics-sample-store";
import { sampleRealtimeMetricsUseCase } from "../use-cases/sample-realtime-metrics";
import { ADMIN_ACTIVITY_EVENTS } from "./admin-activity-events";
import { adminActivityBridgeEntries } from "./admin-activity.mapping";
import { adminObservabilityChannel, ZAdminObservabilityMessage } from "./admin-observability.channel";

const alice: RealtimeUser = { userId: "alice", roles: ["admin"] };
const bob: RealtimeUser = { userId: "bob", roles: [] };
const CHANNEL = adminObservabilityChannel.name;
/** Long enough for a stray message to arrive over loopback if the server were going to send one. */
const QUIET_MS = 300;
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));
/** The machine is shared and loaded: wait for conditions generously. */
const WAIT_MS = 15_000;

// The real sampler and the real bridge broadcasting through a real Socket.IO server, to real clients.
describe("admin.observability over real sockets", () => {
  let harness: ChannelHarness;

  beforeAll(async () => {
    harness = await startChannelHarness({ channels: [adminObservabilityChannel], users: [alice, bob] });
  });

  afterAll(async () => {
    await harness.close();
  });

  it.each([
    { who: "alice (admin)", user: alice, expected: { ok: true } },
    { who: "bob (no admin role)", user: bob, expected: { ok: false, error: { code: "FORBIDDEN" } } },
    { who: "an anonymous socket", user: null, expected: { ok: false, error: { code: "UNAUTHENTICATED" } } },
  ])("subscribe: $who -> $expected.ok", async ({ user, expected }) => {
    const client = await harness.connectAs(user);
    expect(await client.subscribe(adminObservabilityChannel, {})).toMatchObject(expected);
    client.close();
  });

  it("the sampler's snapshots reach the admin, and never bob or an anonymous socket", async () => {
    const aliceClient = await harness.connectAs(alice);
    const bobClient = await harness.connectAs(bob);
    const guest = await harness.connectAs(null);
    expect(await aliceClient.subscribe(adminObservabilityChannel, {})).toMatchObject({ ok: true });
    expect(await bobClient.subscribe(adminObservabilityChannel, {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await guest.subscribe(adminObservabilityChannel, {})).toMatchObject({ ok: false });

    const registry = createMetricsRegistry();
    const metrics = createRealtimeMetrics(registry);
    metrics.socketConnected();
    metrics.authRejected("subscribe", "FORBIDDEN");
    const sample = sampleRealtimeMetricsUseCase({
      instance: "instance-a",
      source: new PrometheusRealtimeTotalsSource(registry),
      samples: new InMemoryMetricsSampleStore(),
      realtime: harness.broadcaster,
    });
    const sampler = startMetricsSampler({ intervalMs: 50, sample, logger: createLogCapture().logger });
    try {
      const received = await aliceClient.waitFor(CHANNEL, 2, WAIT_MS);
      for (const message of received) {
        expect(ZAdminObservabilityMessage.parse(message)).toMatchObject({ kind: "metrics", sample: { connectedSockets: 1, rejectionsTotal: 1 } });
      }
    } finally {
      sampler.stop();
    }
    await quiet();
    expect(bobClient.received(CHANNEL)).toEqual([]);
    expect(guest.received(CHANNEL)).toEqual([]);
    aliceClient.close();
    bobClient.close();
    guest.close();
  });

  it("bus events forwarded by the bridge reach the admin only", async () => {
    const bus = new RecordingEventBus();
    const stop = bindRealtimeBridge(bus, harness.broadcaster, adminActivityBridgeEntries(ADMIN_ACTIVITY_EVENTS));
    const aliceClient = await harness.connectAs(alice);
    const bobClient = await harness.connectAs(bob);
    await aliceClient.subscribe(adminObservabilityChannel, {});
    await bobClient.subscribe(adminObservabilityChannel, {});

    await bus.publish(jobCompleted, { job: "notify-subscribers", id: "j1", attempt: 1, durationMs: 3 });
    const [message] = await aliceClient.waitFor(CHANNEL, 1, WAIT_MS);
    expect(message).toMatchObject({ kind: "activity", entry: { name: "job:completed", kind: "job", detail: { job: "notify-subscribers", id: "j1" } } });
    await quiet();
    expect(bobClient.received(CHANNEL)).toEqual([]);
    stop();
    aliceClient.close();
    bobClient.close();
  });
});
