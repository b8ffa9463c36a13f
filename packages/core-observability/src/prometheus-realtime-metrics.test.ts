import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { renderMetrics } from "./metrics-registry";
import { createRealtimeMetrics } from "./prometheus-realtime-metrics";
import { noopRealtimeMetrics } from "./realtime-metrics";
import type { RealtimeMetrics } from "./realtime-metrics";

const POLLS = "polls.{pollId}";
const NOTIFICATIONS = "notifications.user.{userId}";

function exerciseTraffic(metrics: RealtimeMetrics): void {
  metrics.socketConnected();
  metrics.socketConnected();
  metrics.socketConnected();
  metrics.socketDisconnected();
  metrics.subscriptionAdded(POLLS);
  metrics.subscriptionAdded(POLLS);
  metrics.subscriptionAdded(NOTIFICATIONS);
  metrics.subscriptionRemoved(POLLS);
  metrics.messageBroadcast(POLLS, 5, 0.0003, "outbox-relay:relay");
  metrics.messageBroadcast(POLLS, 2, 0.002, "inbound-handler:polls.{pollId}");
  metrics.messageBroadcast(NOTIFICATIONS, 0, 0.00001);
  metrics.inboundMessage(POLLS);
  metrics.authRejected("connect", "UNAUTHENTICATED");
  metrics.authRejected("subscribe", "FORBIDDEN");
  metrics.authRejected("inbound", "FORBIDDEN");
  metrics.inboundHandlerError(POLLS);
  metrics.rateLimited("socket");
  metrics.rateLimited("user");
  metrics.slowConsumerDisconnected();
}

/** The value of one sample line (`name{labels} value`) in Prometheus text. */
function sample(body: string, series: string): number | undefined {
  const line = body.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("createRealtimeMetrics", () => {
  it("snapshot() reports totals and per-template / per-code breakdowns", () => {
    const metrics = createRealtimeMetrics(new Registry());
    exerciseTraffic(metrics);
    expect(metrics.snapshot()).toEqual({
      connectedSockets: 2,
      subscriptionsByTemplate: { [POLLS]: 1, [NOTIFICATIONS]: 1 },
      messagesBroadcastTotal: 3,
      messagesDeliveredTotal: 7,
      messagesDeliveredBySource: { "outbox-relay:relay": 5, "inbound-handler:polls.{pollId}": 2, unknown: 0 },
      inboundMessagesTotal: 1,
      authRejectionsTotal: 3,
      authRejectionsByCode: { UNAUTHENTICATED: 1, FORBIDDEN: 2 },
      inboundHandlerErrorsTotal: 1,
      rateLimitedTotal: 2,
      slowConsumerDisconnectsTotal: 1,
    });
  });

  it("snapshot() returns a copy that callers cannot use to change the totals", () => {
    const metrics = createRealtimeMetrics(new Registry());
    metrics.subscriptionAdded(POLLS);
    const first = metrics.snapshot();
    first.subscriptionsByTemplate[POLLS] = 99;
    first.connectedSockets = 99;
    expect(metrics.snapshot()).toMatchObject({ connectedSockets: 0, subscriptionsByTemplate: { [POLLS]: 1 } });
  });

  it("exposes the same numbers as realtime_* Prometheus series", async () => {
    const registry = new Registry();
    exerciseTraffic(createRealtimeMetrics(registry));
    const { body } = await renderMetrics(registry);
    const expected: Array<[series: string, value: number]> = [
      ["realtime_connected_sockets", 2],
      [`realtime_subscriptions{template="${POLLS}"}`, 1],
      [`realtime_subscriptions{template="${NOTIFICATIONS}"}`, 1],
      [`realtime_messages_broadcast_total{template="${POLLS}"}`, 2],
      [`realtime_messages_broadcast_total{template="${NOTIFICATIONS}"}`, 1],
      [`realtime_messages_delivered_total{template="${POLLS}",source="outbox-relay:relay"}`, 5],
      [`realtime_messages_delivered_total{template="${POLLS}",source="inbound-handler:polls.{pollId}"}`, 2],
      [`realtime_messages_delivered_total{template="${NOTIFICATIONS}",source="unknown"}`, 0],
      [`realtime_inbound_messages_total{template="${POLLS}"}`, 1],
      ['realtime_auth_rejections_total{gate="connect",code="UNAUTHENTICATED"}', 1],
      ['realtime_auth_rejections_total{gate="subscribe",code="FORBIDDEN"}', 1],
      ['realtime_auth_rejections_total{gate="inbound",code="FORBIDDEN"}', 1],
      [`realtime_inbound_handler_errors_total{template="${POLLS}"}`, 1],
      ['realtime_rate_limited_total{scope="socket"}', 1],
      ['realtime_rate_limited_total{scope="user"}', 1],
      ["realtime_slow_consumer_disconnects_total", 1],
      [`realtime_broadcast_fanout_seconds_count{template="${POLLS}"}`, 2],
      [`realtime_broadcast_fanout_seconds_bucket{le="0.0005",template="${POLLS}"}`, 1],
      [`realtime_broadcast_fanout_seconds_bucket{le="0.0025",template="${POLLS}"}`, 2],
      [`realtime_broadcast_fanout_seconds_bucket{le="0.0001",template="${NOTIFICATIONS}"}`, 1],
    ];
    for (const [series, value] of expected) {
      expect({ series, value: sample(body, series) }).toEqual({ series, value });
    }
    expect(sample(body, `realtime_broadcast_fanout_seconds_sum{template="${POLLS}"}`)).toBeCloseTo(0.0023, 8);
  });

  it("keeps the per-message counters exact across reads: every scrape and get() sees all messages so far", async () => {
    const registry = new Registry();
    const metrics = createRealtimeMetrics(registry);
    metrics.messageBroadcast(POLLS, 5, 0.0003);
    metrics.messageBroadcast(NOTIFICATIONS, 0, 0.00001);
    metrics.inboundMessage(POLLS);
    const first = (await renderMetrics(registry)).body;
    expect(sample(first, `realtime_messages_broadcast_total{template="${POLLS}"}`)).toBe(1);
    expect(sample(first, `realtime_messages_delivered_total{template="${NOTIFICATIONS}",source="unknown"}`)).toBe(0);
    metrics.messageBroadcast(POLLS, 3, 0.0003);
    metrics.inboundMessage(POLLS);
    metrics.inboundMessage(POLLS);
    const second = (await renderMetrics(registry)).body;
    expect(sample(second, `realtime_messages_broadcast_total{template="${POLLS}"}`)).toBe(2);
    expect(sample(second, `realtime_messages_delivered_total{template="${POLLS}",source="unknown"}`)).toBe(8);
    expect(sample(second, `realtime_inbound_messages_total{template="${POLLS}"}`)).toBe(3);
    metrics.messageBroadcast(POLLS, 1, 0.0003);
    const delivered = await registry.getSingleMetric("realtime_messages_delivered_total")?.get();
    expect(delivered?.values.find((value) => value.labels.template === POLLS)?.value).toBe(9);
  });

  it("refuses a second registration on the same registry", () => {
    const registry = new Registry();
    createRealtimeMetrics(registry);
    expect(() => createRealtimeMetrics(registry)).toThrow(/already been registered/);
  });
});

describe("noopRealtimeMetrics", () => {
  it("ignores calls and always snapshots zeros", () => {
    exerciseTraffic(noopRealtimeMetrics);
    const snapshot = noopRealtimeMetrics.snapshot();
    expect(snapshot).toEqual(createRealtimeMetrics(new Registry()).snapshot());
    expect(Object.values(snapshot).filter((value) => typeof value === "number").every((value) => value === 0)).toBe(true);
  });
});
