import { describe, expect, it } from "vitest";
import { metricsSample } from "../__tests__/metrics-sample";
import type { TMetricsSample } from "../domain/metrics-sample";
import { InMemoryMetricsSampleStore } from "./in-memory-metrics-sample-store";

const sample = (at: number): TMetricsSample => metricsSample({ at, connectedSockets: 1 });

describe("InMemoryMetricsSampleStore", () => {
  it("keeps the last samples, oldest first", async () => {
    const store = new InMemoryMetricsSampleStore(2);
    for (const at of [1, 2, 3]) await store.append(sample(at));
    expect((await store.recent(10)).map((s) => s.at)).toEqual([2, 3]);
    expect((await store.recent(1)).map((s) => s.at)).toEqual([3]);
  });
});
