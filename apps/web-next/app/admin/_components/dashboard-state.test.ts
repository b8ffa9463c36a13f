import type { TActivityEntry, TDashboardSnapshot, TMetricsSample } from "@repo/admin-observability/client";
import { clusterTotals, liveInstanceSamples } from "@repo/admin-observability/client";
import { describe, expect, it } from "vitest";
import { dashboardStateFrom, MAX_CHART_SAMPLES, MAX_LOG_EVENTS, withClock, withMessage, withSnapshot } from "./dashboard-state";
import type { DashboardState } from "./dashboard-state";

const STALE_AFTER_MS = 5_000;

const sample = (at: number, messagesPerSecond = 0, instance = "a", connectedSockets = 1): TMetricsSample => ({
  instance,
  at,
  connectedSockets,
  subscriptions: 1,
  subscriptionsByTemplate: { "admin.observability": 1 },
  messagesBroadcastTotal: 0,
  messagesDeliveredTotal: 0,
  messagesPerSecond,
  deliveredPerSecond: 0,
  rejectionsTotal: 0,
  rejections: [],
  outbox: { pending: 0, oldestPendingAgeSeconds: 0, deliveriesTotal: 0, retriesTotal: 0 },
});
const entry = (id: string, at: number): TActivityEntry => ({ id, name: "job:completed", kind: "job", at, detail: {} });
const snapshot = (samples: TMetricsSample[], events: TActivityEntry[]): TDashboardSnapshot => ({
  sampleIntervalMs: 1_000,
  staleAfterMs: STALE_AFTER_MS,
  instance: "a",
  samples,
  events,
});
const shownInstances = (state: DashboardState) => liveInstanceSamples(state.cluster, state.now, state.staleAfterMs);

describe("dashboard state", () => {
  it("starts from the server's snapshot: its instance as the first row, its history as the chart", () => {
    const state = dashboardStateFrom(snapshot([sample(1), sample(2, 3)], [entry("e2", 2), entry("e1", 1)]), 10);
    expect(state.points.map((p) => p.at)).toEqual([1, 2]);
    expect(shownInstances(state).map((s) => [s.instance, s.at])).toEqual([["a", 2]]);
    expect(state.events.map((e) => e.id)).toEqual(["e2", "e1"]);
    expect(state.updatedAt).toBe(2);
  });

  it("keeps one row per instance and charts the cluster's totals, instead of alternating between instances", () => {
    let state = dashboardStateFrom(snapshot([sample(1, 0, "a", 2)], []), 1);
    state = withMessage(state, { kind: "metrics", sample: sample(2, 5, "b", 3) }, 100);
    state = withMessage(state, { kind: "metrics", sample: sample(3, 1, "a", 4) }, 200);
    expect(shownInstances(state).map((s) => [s.instance, s.connectedSockets])).toEqual([
      ["a", 4],
      ["b", 3],
    ]);
    expect(clusterTotals(shownInstances(state))).toMatchObject({ instances: 2, connectedSockets: 7, messagesPerSecond: 6 });
    expect(state.points.slice(1).map((p) => [p.connectedSockets, p.messagesPerSecond])).toEqual([
      [5, 5],
      [7, 6],
    ]);
  });

  it("drops an instance that stopped reporting, on a message or on a clock tick (injected clock)", () => {
    let state = dashboardStateFrom(snapshot([sample(0, 0, "a")], []), 0);
    state = withMessage(state, { kind: "metrics", sample: sample(0, 0, "b") }, 0);
    // Only b keeps reporting.
    state = withMessage(state, { kind: "metrics", sample: sample(4_000, 0, "b") }, 4_000);
    expect(shownInstances(state).map((s) => s.instance)).toEqual(["a", "b"]);
    expect(withClock(state, STALE_AFTER_MS)).toBe(state);

    state = withMessage(state, { kind: "metrics", sample: sample(STALE_AFTER_MS + 1, 0, "b") }, STALE_AFTER_MS + 1);
    expect(shownInstances(state).map((s) => s.instance)).toEqual(["b"]);

    // Nothing arrives any more: the tick alone empties the view.
    state = withClock(state, 2 * STALE_AFTER_MS + 2);
    expect(shownInstances(state)).toEqual([]);
  });

  it("appends live points and prepends live events, counting every update", () => {
    let state = dashboardStateFrom(snapshot([sample(1)], []), 1);
    state = withMessage(state, { kind: "metrics", sample: sample(2, 5) }, 100);
    state = withMessage(state, { kind: "activity", entry: entry("e1", 3) }, 101);
    expect(state.points.map((p) => [p.at, p.messagesPerSecond])).toEqual([
      [1, 0],
      [100, 5],
    ]);
    expect(state.events.map((e) => e.id)).toEqual(["e1"]);
    expect([state.updates, state.updatedAt]).toEqual([2, 101]);
  });

  it("shows an event once when the snapshot and the channel both carry it, and keeps a newer live sample over the snapshot's", () => {
    let state = dashboardStateFrom(snapshot([], [entry("e1", 1)]), 0);
    state = withMessage(state, { kind: "activity", entry: entry("e1", 1) }, 5);
    state = withMessage(state, { kind: "metrics", sample: sample(7, 0, "a", 9) }, 6);
    state = withSnapshot(state, snapshot([sample(1)], [entry("e2", 2), entry("e1", 1)]), 8);
    expect(state.events.map((e) => e.id)).toEqual(["e2", "e1"]);
    expect(shownInstances(state).map((s) => s.connectedSockets)).toEqual([9]);
  });

  it("keeps the chart and the log bounded", () => {
    let state = dashboardStateFrom(snapshot([], []), 0);
    for (let i = 0; i < MAX_CHART_SAMPLES + 10; i++) state = withMessage(state, { kind: "metrics", sample: sample(i) }, i);
    for (let i = 0; i < MAX_LOG_EVENTS + 10; i++) state = withMessage(state, { kind: "activity", entry: entry(`e${i}`, i) }, i);
    expect(state.points).toHaveLength(MAX_CHART_SAMPLES);
    expect(state.points.at(-1)?.at).toBe(MAX_CHART_SAMPLES + 9);
    expect(state.events).toHaveLength(MAX_LOG_EVENTS);
    expect(state.events[0]?.id).toBe(`e${MAX_LOG_EVENTS + 9}`);
  });
});
