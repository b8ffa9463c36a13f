import { defineRealtimeChannel } from "@repo/core-realtime";
import { BroadcastSourcesSealedError, InMemoryRealtimeBroadcaster } from "@repo/core-realtime/server";
import { createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { realtimeFor } from "./realtime-for";

const feed = defineRealtimeChannel({ name: "feed", scope: "public", schema: z.object({ n: z.number() }) });

describe("realtimeFor", () => {
  it("hands bind code a broadcaster bound to an allowed source, while the context's own broadcaster refuses unsourced calls", async () => {
    const metrics = createRealtimeMetrics(createMetricsRegistry());
    const realtime = new InMemoryRealtimeBroadcaster({ metrics });
    const ctx = { realtime, realtimeSources: realtime.sources };
    const subscriber = realtime.connect(null);
    subscriber.subscribe(feed);
    await realtimeFor(ctx, { kind: "use-case", name: "polls.castVote" }).broadcast(feed, {}, { n: 1 });
    await expect(ctx.realtime.broadcast(feed, {}, { n: 2 })).rejects.toMatchObject({ code: "UNAUTHORIZED_SOURCE" });
    expect(subscriber.payloadsOn("feed")).toEqual([{ n: 1 }]);
    expect(metrics.snapshot().messagesDeliveredBySource).toEqual({ "use-case:polls.castVote": 1 });
    expect(ctx.realtimeSources.list()).toEqual([{ kind: "use-case", name: "polls.castVote" }]);
  });

  it("refuses a source asked for after binding sealed the allowlist, while broadcasters bound before keep working", async () => {
    const realtime = new InMemoryRealtimeBroadcaster({ metrics: createRealtimeMetrics(createMetricsRegistry()) });
    const ctx = { realtime, realtimeSources: realtime.sources };
    const subscriber = realtime.connect(null);
    subscriber.subscribe(feed);
    const bridge = realtimeFor(ctx, { kind: "event-bridge", name: "polls" });
    ctx.realtimeSources.seal();
    expect(() => realtimeFor(ctx, { kind: "use-case", name: "late.grant" })).toThrow(BroadcastSourcesSealedError);
    await bridge.broadcast(feed, {}, { n: 1 });
    expect(subscriber.payloadsOn("feed")).toEqual([{ n: 1 }]);
  });
});
