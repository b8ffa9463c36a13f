import { describe, expect, it } from "vitest";
import { computeMetricsSample } from "./compute-metrics-sample";
import type { RealtimeTotals } from "./realtime-totals";

const OWN = "admin.observability";
const ZERO_OUTBOX = { pending: 0, oldestPendingAgeSeconds: 0, deliveriesTotal: 0, retriesTotal: 0 };

function totals(overrides: Partial<RealtimeTotals> = {}): RealtimeTotals {
  return { connectedSockets: 0, subscriptionsByTemplate: {}, broadcastByTemplate: {}, deliveredByTemplate: {}, deliveredBySourceAndTemplate: {}, rejections: [], outbox: ZERO_OUTBOX, ...overrides };
}

describe("computeMetricsSample", () => {
  it("reports totals as read and zero rates on the first reading", () => {
    const sample = computeMetricsSample(
      "i1",
      {
        at: 5_000,
        totals: totals({
          connectedSockets: 3,
          subscriptionsByTemplate: { "polls.{pollId}": 2, "articles.feed": 1, "notifications.user.{userId}": 0 },
          broadcastByTemplate: { "polls.{pollId}": 10 },
          deliveredByTemplate: { "polls.{pollId}": 20 },
          rejections: [{ gate: "subscribe", code: "FORBIDDEN", count: 2 }],
        }),
      },
      null,
      OWN,
    );
    expect(sample).toEqual({
      instance: "i1",
      at: 5_000,
      connectedSockets: 3,
      subscriptions: 3,
      subscriptionsByTemplate: { "polls.{pollId}": 2, "articles.feed": 1 },
      messagesBroadcastTotal: 10,
      messagesDeliveredTotal: 20,
      messagesPerSecond: 0,
      deliveredPerSecond: 0,
      rejectionsTotal: 2,
      rejections: [{ gate: "subscribe", code: "FORBIDDEN", count: 2 }],
      outbox: ZERO_OUTBOX,
      deliveredBySource: [],
    });
  });

  it("reports deliveries per broadcast source, most first, without the dashboard's own channel", () => {
    const sample = computeMetricsSample(
      "i1",
      {
        at: 1_000,
        totals: totals({
          deliveredBySourceAndTemplate: {
            "outbox-relay:relay": { "polls.{pollId}": 7, "notifications.user.{userId}": 2 },
            "server-api:key-1a2b3c4d": { "articles.feed": 4 },
            "use-case:adminObservability.sampleRealtimeMetrics": { [OWN]: 50 },
            "event-bridge:polls": { "polls.directory": 0 },
          },
        }),
      },
      null,
      OWN,
    );
    expect(sample.deliveredBySource).toEqual([
      { source: "outbox-relay:relay", count: 9 },
      { source: "server-api:key-1a2b3c4d", count: 4 },
    ]);
  });

  it("computes messages/s from the counter deltas over the elapsed time", () => {
    const previous = { at: 1_000, totals: totals({ broadcastByTemplate: { a: 10 }, deliveredByTemplate: { a: 30 } }) };
    const current = { at: 3_000, totals: totals({ broadcastByTemplate: { a: 15, b: 1 }, deliveredByTemplate: { a: 40, b: 3 } }) };
    const sample = computeMetricsSample("i1", current, previous, OWN);
    expect(sample.messagesPerSecond).toBe(3);
    expect(sample.deliveredPerSecond).toBe(6.5);
  });

  it("leaves the dashboard's own channel out of message counts and rates", () => {
    const previous = { at: 0, totals: totals({ broadcastByTemplate: { [OWN]: 100, a: 1 } }) };
    const current = { at: 1_000, totals: totals({ broadcastByTemplate: { [OWN]: 101, a: 2 }, subscriptionsByTemplate: { [OWN]: 1 } }) };
    const sample = computeMetricsSample("i1", current, previous, OWN);
    expect(sample.messagesBroadcastTotal).toBe(2);
    expect(sample.messagesPerSecond).toBe(1);
    // Subscriptions still count the dashboard: an admin watching is a real subscriber.
    expect(sample.subscriptions).toBe(1);
  });

  it("reports 0, never a negative rate, when a counter was reset", () => {
    const previous = { at: 0, totals: totals({ broadcastByTemplate: { a: 50 } }) };
    const sample = computeMetricsSample("i1", { at: 1_000, totals: totals({ broadcastByTemplate: { a: 5 } }) }, previous, OWN);
    expect(sample.messagesPerSecond).toBe(0);
  });

  it("reports 0 when no time elapsed", () => {
    const reading = { at: 1_000, totals: totals({ broadcastByTemplate: { a: 5 } }) };
    expect(computeMetricsSample("i1", reading, { at: 1_000, totals: totals() }, OWN).messagesPerSecond).toBe(0);
  });
});
