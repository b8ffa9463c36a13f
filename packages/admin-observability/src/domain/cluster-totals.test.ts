import { describe, expect, it } from "vitest";
import { clusterTotals } from "./cluster-totals";
import { metricsSample } from "../__tests__/metrics-sample";
import type { TMetricsSample } from "./metrics-sample";

function sample(instance: string, overrides: Partial<TMetricsSample>): TMetricsSample {
  return metricsSample({ instance, ...overrides });
}

describe("clusterTotals", () => {
  it("adds up per-instance numbers: connections, subscriptions (per template too), rates, rejections, outbox deliveries and retries", () => {
    const a = sample("a", {
      at: 1_000,
      connectedSockets: 2,
      subscriptions: 3,
      subscriptionsByTemplate: { "polls.{pollId}": 2, "articles.feed": 1 },
      messagesPerSecond: 1.25,
      deliveredPerSecond: 4,
      rejectionsTotal: 3,
      rejections: [
        { gate: "subscribe", code: "FORBIDDEN", count: 2 },
        { gate: "connect", code: "UNAUTHENTICATED", count: 1 },
      ],
      outbox: { pending: 4, oldestPendingAgeSeconds: 1.5, deliveriesTotal: 10, retriesTotal: 1 },
    });
    const b = sample("b", {
      at: 1_200,
      connectedSockets: 5,
      subscriptions: 1,
      subscriptionsByTemplate: { "polls.{pollId}": 1 },
      messagesPerSecond: 0.5,
      deliveredPerSecond: 1,
      rejectionsTotal: 2,
      rejections: [{ gate: "subscribe", code: "FORBIDDEN", count: 2 }],
      outbox: { pending: 3, oldestPendingAgeSeconds: 2, deliveriesTotal: 7, retriesTotal: 2 },
    });
    expect(clusterTotals([a, b])).toEqual({
      instances: 2,
      at: 1_200,
      connectedSockets: 7,
      subscriptions: 4,
      subscriptionsByTemplate: { "polls.{pollId}": 3, "articles.feed": 1 },
      messagesPerSecond: 1.75,
      deliveredPerSecond: 5,
      rejectionsTotal: 5,
      rejections: [
        { gate: "subscribe", code: "FORBIDDEN", count: 4 },
        { gate: "connect", code: "UNAUTHENTICATED", count: 1 },
      ],
      // Depth and age come from the one shared outbox table: the largest reading, not a sum.
      outbox: { pending: 4, oldestPendingAgeSeconds: 2, deliveriesTotal: 17, retriesTotal: 3 },
    });
  });

  it("is all zeros with no instance reporting", () => {
    expect(clusterTotals([])).toMatchObject({ instances: 0, at: null, connectedSockets: 0, messagesPerSecond: 0, outbox: { pending: 0 } });
  });
});
