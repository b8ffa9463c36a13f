import { createMetricsRegistry, createOutboxMetrics, createRealtimeMetrics } from "@repo/core-observability";
import { describe, expect, it } from "vitest";
import { PrometheusRealtimeTotalsSource } from "./prometheus-realtime-totals-source";

describe("PrometheusRealtimeTotalsSource", () => {
  it("reads sockets, subscriptions, broadcasts, deliveries and rejections from a real prom-client registry", async () => {
    const registry = createMetricsRegistry();
    const metrics = createRealtimeMetrics(registry);
    metrics.socketConnected();
    metrics.socketConnected();
    metrics.socketConnected();
    metrics.socketDisconnected();
    metrics.subscriptionAdded("polls.{pollId}");
    metrics.subscriptionAdded("polls.{pollId}");
    metrics.subscriptionAdded("articles.feed");
    metrics.subscriptionRemoved("articles.feed");
    metrics.messageBroadcast("polls.{pollId}", 2, 0.001, "outbox-relay:relay");
    metrics.messageBroadcast("polls.{pollId}", 3, 0.001, "inbound-handler:polls.{pollId}");
    metrics.messageBroadcast("articles.feed", 0, 0.001, "event-bridge:articles");
    metrics.authRejected("subscribe", "FORBIDDEN");
    metrics.authRejected("subscribe", "FORBIDDEN");
    metrics.authRejected("connect", "UNAUTHENTICATED");

    expect(await new PrometheusRealtimeTotalsSource(registry).read()).toEqual({
      connectedSockets: 2,
      subscriptionsByTemplate: { "polls.{pollId}": 2, "articles.feed": 0 },
      broadcastByTemplate: { "polls.{pollId}": 2, "articles.feed": 1 },
      deliveredByTemplate: { "polls.{pollId}": 5, "articles.feed": 0 },
      deliveredBySourceAndTemplate: {
        "outbox-relay:relay": { "polls.{pollId}": 2 },
        "inbound-handler:polls.{pollId}": { "polls.{pollId}": 3 },
        "event-bridge:articles": { "articles.feed": 0 },
      },
      rejections: [
        { gate: "subscribe", code: "FORBIDDEN", count: 2 },
        { gate: "connect", code: "UNAUTHENTICATED", count: 1 },
      ],
      outbox: { pending: 0, oldestPendingAgeSeconds: 0, deliveriesTotal: 0, retriesTotal: 0 },
    });
  });

  it("reads zeros from a registry without realtime metrics (no realtime server in this process)", async () => {
    expect(await new PrometheusRealtimeTotalsSource(createMetricsRegistry()).read()).toEqual({
      connectedSockets: 0,
      subscriptionsByTemplate: {},
      broadcastByTemplate: {},
      deliveredByTemplate: {},
      deliveredBySourceAndTemplate: {},
      rejections: [],
      outbox: { pending: 0, oldestPendingAgeSeconds: 0, deliveriesTotal: 0, retriesTotal: 0 },
    });
  });

  it("reads the outbox relay's realtime_outbox_* series: depth and oldest age as set, deliveries and retries over every template", async () => {
    const registry = createMetricsRegistry();
    const outbox = createOutboxMetrics(registry);
    outbox.delivered("polls.{pollId}", 0.01);
    outbox.delivered("polls.{pollId}", 0.02);
    outbox.delivered("notifications.user.{userId}", 0.01);
    outbox.retried("polls.{pollId}");
    outbox.backlog(7, 12.5);

    const { outbox: read } = await new PrometheusRealtimeTotalsSource(registry).read();
    expect(read).toEqual({ pending: 7, oldestPendingAgeSeconds: 12.5, deliveriesTotal: 3, retriesTotal: 1 });
  });
});
