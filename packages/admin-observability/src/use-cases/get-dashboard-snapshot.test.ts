import { describe, expect, it } from "vitest";
import { toActivityEntry } from "../domain/activity-entry";
import { metricsSample } from "../__tests__/metrics-sample";
import type { TMetricsSample } from "../domain/metrics-sample";
import { InMemoryActivityLog } from "../repositories/in-memory-activity-log";
import { InMemoryMetricsSampleStore } from "../repositories/in-memory-metrics-sample-store";
import { getDashboardSnapshotUseCase } from "./get-dashboard-snapshot";
import { recordActivityUseCase } from "./record-activity";

const sample = (at: number): TMetricsSample => metricsSample({ at, connectedSockets: at });

describe("getDashboardSnapshot and recordActivity", () => {
  it("returns recent samples oldest first and recorded activity newest first, within the limits", async () => {
    const samples = new InMemoryMetricsSampleStore(10);
    const activity = new InMemoryActivityLog(10);
    const record = recordActivityUseCase({ activity });
    for (const at of [1, 2, 3]) await samples.append(sample(at));
    await record(toActivityEntry("job:enqueued", { job: "notify", id: "j1" }, { id: "p1", publishedAt: 1 }));
    await record(toActivityEntry("job:completed", { job: "notify", id: "j1", attempt: 1, durationMs: 2 }, { id: "p2", publishedAt: 2 }));
    await record(toActivityEntry("article.published", { id: "a1", title: "t", body: "b", authorId: "alice", publishedAt: 3 }, { id: "p3", publishedAt: 3 }));

    const snapshot = await getDashboardSnapshotUseCase({ instance: "instance-a", samples, activity, sampleIntervalMs: 1_000, sampleLimit: 2, eventLimit: 2 })();
    expect(snapshot.sampleIntervalMs).toBe(1_000);
    expect(snapshot.samples.map((s) => s.at)).toEqual([2, 3]);
    expect(snapshot.events.map((e) => e.name)).toEqual(["article.published", "job:completed"]);
    expect(snapshot.events[0]?.detail).toEqual({ id: "a1", authorId: "alice", publishedAt: 3 });
  });

  it("is empty before anything was sampled or recorded", async () => {
    const snapshot = await getDashboardSnapshotUseCase({
      instance: "instance-a",
      samples: new InMemoryMetricsSampleStore(),
      activity: new InMemoryActivityLog(),
      sampleIntervalMs: 500,
    })();
    expect(snapshot).toEqual({ sampleIntervalMs: 500, staleAfterMs: 2_500, instance: "instance-a", samples: [], events: [] });
  });
});
