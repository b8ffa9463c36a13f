import type { TActivityEntry, TDashboardSnapshot, TMetricsSample } from "@repo/admin-observability/client";
import { describe, expect, it } from "vitest";
import { dashboardStateFrom, MAX_CHART_SAMPLES, MAX_LOG_EVENTS, withMessage, withSnapshot } from "./dashboard-state";

const sample = (at: number, messagesPerSecond = 0): TMetricsSample => ({
  at,
  connectedSockets: 1,
  subscriptions: 1,
  subscriptionsByTemplate: { "admin.observability": 1 },
  messagesBroadcastTotal: 0,
  messagesDeliveredTotal: 0,
  messagesPerSecond,
  deliveredPerSecond: 0,
  rejectionsTotal: 0,
  rejections: [],
});
const entry = (id: string, at: number): TActivityEntry => ({ id, name: "job:completed", kind: "job", at, detail: {} });
const snapshot = (samples: TMetricsSample[], events: TActivityEntry[]): TDashboardSnapshot => ({ sampleIntervalMs: 1_000, samples, events });

describe("dashboard state", () => {
  it("starts from the server's snapshot", () => {
    const state = dashboardStateFrom(snapshot([sample(1), sample(2)], [entry("e2", 2), entry("e1", 1)]));
    expect(state.samples.map((s) => s.at)).toEqual([1, 2]);
    expect(state.events.map((e) => e.id)).toEqual(["e2", "e1"]);
    expect(state.updatedAt).toBe(2);
  });

  it("appends live samples and prepends live events, counting every update", () => {
    let state = dashboardStateFrom(snapshot([sample(1)], []));
    state = withMessage(state, { kind: "metrics", sample: sample(2, 5) }, 100);
    state = withMessage(state, { kind: "activity", entry: entry("e1", 3) }, 101);
    expect(state.samples.map((s) => [s.at, s.messagesPerSecond])).toEqual([[1, 0], [2, 5]]);
    expect(state.events.map((e) => e.id)).toEqual(["e1"]);
    expect([state.updates, state.updatedAt]).toEqual([2, 101]);
  });

  it("shows an event once when the snapshot and the channel both carry it", () => {
    let state = dashboardStateFrom(snapshot([], [entry("e1", 1)]));
    state = withMessage(state, { kind: "activity", entry: entry("e1", 1) }, 5);
    state = withSnapshot(state, snapshot([sample(1)], [entry("e2", 2), entry("e1", 1)]), 6);
    expect(state.events.map((e) => e.id)).toEqual(["e2", "e1"]);
  });

  it("keeps the chart and the log bounded", () => {
    let state = dashboardStateFrom(snapshot([], []));
    for (let i = 0; i < MAX_CHART_SAMPLES + 10; i++) state = withMessage(state, { kind: "metrics", sample: sample(i) }, i);
    for (let i = 0; i < MAX_LOG_EVENTS + 10; i++) state = withMessage(state, { kind: "activity", entry: entry(`e${i}`, i) }, i);
    expect(state.samples).toHaveLength(MAX_CHART_SAMPLES);
    expect(state.samples.at(-1)?.at).toBe(MAX_CHART_SAMPLES + 9);
    expect(state.events).toHaveLength(MAX_LOG_EVENTS);
    expect(state.events[0]?.id).toBe(`e${MAX_LOG_EVENTS + 9}`);
  });
});
