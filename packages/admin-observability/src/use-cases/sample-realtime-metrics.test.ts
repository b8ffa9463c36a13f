import { createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import type { RealtimeMetrics } from "@repo/core-observability";
import { RecordingRealtimeBroadcaster } from "@repo/core-testing";
import { beforeEach, describe, expect, it } from "vitest";
import { PrometheusRealtimeTotalsSource } from "../metrics/prometheus-realtime-totals-source";
import { adminObservabilityChannel } from "../realtime/admin-observability.channel";
import { InMemoryMetricsSampleStore } from "../repositories/in-memory-metrics-sample-store";
import { sampleRealtimeMetricsUseCase } from "./sample-realtime-metrics";
import type { SampleRealtimeMetrics } from "./sample-realtime-metrics";

describe("sampleRealtimeMetrics", () => {
  let metrics: RealtimeMetrics;
  let realtime: RecordingRealtimeBroadcaster;
  let samples: InMemoryMetricsSampleStore;
  let clock: number;
  let sample: SampleRealtimeMetrics;

  beforeEach(() => {
    const registry = createMetricsRegistry();
    metrics = createRealtimeMetrics(registry);
    realtime = new RecordingRealtimeBroadcaster();
    samples = new InMemoryMetricsSampleStore(10);
    clock = 10_000;
    sample = sampleRealtimeMetricsUseCase({ instance: "instance-a", source: new PrometheusRealtimeTotalsSource(registry), samples, realtime, now: () => clock });
  });

  it("pushes the current numbers on admin.observability and keeps them for first paint", async () => {
    metrics.socketConnected();
    metrics.socketConnected();
    metrics.subscriptionAdded("polls.{pollId}");
    metrics.authRejected("subscribe", "FORBIDDEN");

    const first = await sample();
    expect(first).toMatchObject({ instance: "instance-a", at: 10_000, connectedSockets: 2, subscriptions: 1, messagesPerSecond: 0, rejectionsTotal: 1 });
    realtime.expectBroadcast(adminObservabilityChannel, {}, { kind: "metrics", sample: { instance: "instance-a", connectedSockets: 2, subscriptions: 1 } });
    expect(await samples.recent(10)).toEqual([first]);
  });

  it("computes messages/s from the counters' deltas between samples", async () => {
    await sample();
    for (let i = 0; i < 6; i++) metrics.messageBroadcast("polls.{pollId}", 2, 0.0001);
    clock += 2_000;
    const second = await sample();
    expect(second).toMatchObject({ messagesPerSecond: 3, deliveredPerSecond: 6, messagesBroadcastTotal: 6, messagesDeliveredTotal: 12 });

    clock += 1_000;
    expect(await sample()).toMatchObject({ messagesPerSecond: 0, messagesBroadcastTotal: 6 });
    expect((await samples.recent(10)).map((s) => s.messagesPerSecond)).toEqual([0, 3, 0]);
  });

  it("does not count the dashboard's own broadcasts as traffic", async () => {
    await sample();
    metrics.messageBroadcast(adminObservabilityChannel.name, 1, 0.0001);
    clock += 1_000;
    expect(await sample()).toMatchObject({ messagesPerSecond: 0, messagesBroadcastTotal: 0 });
  });
});
