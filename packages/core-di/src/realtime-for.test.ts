import { defineRealtimeChannel } from "@repo/core-realtime";
import { InMemoryRealtimeBroadcaster } from "@repo/core-realtime/server";
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
});
