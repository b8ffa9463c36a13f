import { describe, expect, it } from "vitest";
import { EMPTY_CLUSTER_VIEW, liveInstanceSamples, staleAfterMsFor, withInstanceSample, withoutStaleInstances } from "./cluster-view";
import type { ClusterView } from "./cluster-view";
import { metricsSample } from "../__tests__/metrics-sample";
import type { TMetricsSample } from "./metrics-sample";

const STALE_AFTER_MS = staleAfterMsFor(1_000);

function sample(instance: string, at: number, connectedSockets = 1): TMetricsSample {
  return metricsSample({ instance, at, connectedSockets });
}

/** An injected clock: the view is told the time, it never reads one. */
function fold(view: ClusterView, s: TMetricsSample, receivedAt: number): ClusterView {
  return withInstanceSample(view, s, receivedAt, STALE_AFTER_MS);
}

describe("cluster view", () => {
  it("keeps the latest sample of each instance instead of alternating between them", () => {
    let view = EMPTY_CLUSTER_VIEW;
    view = fold(view, sample("b", 1_000, 2), 1_000);
    view = fold(view, sample("a", 1_010, 3), 1_010);
    view = fold(view, sample("b", 2_000, 4), 2_000);
    expect(liveInstanceSamples(view, 2_000, STALE_AFTER_MS).map((s) => [s.instance, s.connectedSockets])).toEqual([
      ["a", 3],
      ["b", 4],
    ]);
  });

  it("ignores a sample older than the one it holds for that instance (a snapshot fetched late)", () => {
    let view = fold(EMPTY_CLUSTER_VIEW, sample("a", 2_000, 5), 2_000);
    view = fold(view, sample("a", 1_000, 1), 2_100);
    expect(liveInstanceSamples(view, 2_100, STALE_AFTER_MS)).toEqual([sample("a", 2_000, 5)]);
    // ...and the late copy did not count as a sign of life.
    expect(view["a"]?.receivedAt).toBe(2_000);
  });

  it("drops an instance that stopped reporting once staleAfterMs has passed since its last sample, not before", () => {
    let view = fold(EMPTY_CLUSTER_VIEW, sample("a", 0), 0);
    view = fold(view, sample("b", 0), 0);
    // Only b keeps reporting.
    for (let now = 1_000; now <= STALE_AFTER_MS; now += 1_000) view = fold(view, sample("b", now), now);
    expect(liveInstanceSamples(view, STALE_AFTER_MS, STALE_AFTER_MS).map((s) => s.instance)).toEqual(["a", "b"]);
    expect(liveInstanceSamples(view, STALE_AFTER_MS + 1, STALE_AFTER_MS).map((s) => s.instance)).toEqual(["b"]);

    view = fold(view, sample("b", STALE_AFTER_MS + 1_000), STALE_AFTER_MS + 1_000);
    expect(Object.keys(view)).toEqual(["b"]);
  });

  it("brings an instance back as soon as it reports again", () => {
    let view = fold(EMPTY_CLUSTER_VIEW, sample("a", 0), 0);
    view = withoutStaleInstances(view, STALE_AFTER_MS * 2, STALE_AFTER_MS);
    expect(view).toEqual({});
    view = fold(view, sample("a", STALE_AFTER_MS * 2), STALE_AFTER_MS * 2);
    expect(liveInstanceSamples(view, STALE_AFTER_MS * 2, STALE_AFTER_MS).map((s) => s.instance)).toEqual(["a"]);
  });

  it("measures staleness on the viewer's clock, so a host whose clock is behind still counts while it reports", () => {
    const view = fold(EMPTY_CLUSTER_VIEW, sample("skewed", -60_000), 10_000);
    expect(liveInstanceSamples(view, 10_000 + STALE_AFTER_MS, STALE_AFTER_MS).map((s) => s.instance)).toEqual(["skewed"]);
  });

  it("returns the same view when nothing is stale (React state stays put)", () => {
    const view = fold(EMPTY_CLUSTER_VIEW, sample("a", 0), 0);
    expect(withoutStaleInstances(view, 1, STALE_AFTER_MS)).toBe(view);
  });
});
