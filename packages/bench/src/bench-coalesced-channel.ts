import { defineRealtimeChannel } from "@repo/core-realtime";
import type { ChannelCoalesceOptions } from "@repo/core-realtime";
import { ZBenchPayload, benchFanOutChannel } from "./bench-channels";

/**
 * Scenario 6: `bench.fanout` declared with `coalesce` (ADR-018
 * `realtime:message-batch`), so the same clients subscribe to the same name
 * and only the frames change. Registered instead of `benchFanOutChannel`.
 *
 * @example
 * const channel = coalescedFanOutChannel({ delayMs: 20, maxBatch: 100 });
 */
export function coalescedFanOutChannel(coalesce: ChannelCoalesceOptions) {
  return defineRealtimeChannel({
    name: benchFanOutChannel.name,
    scope: "public",
    schema: ZBenchPayload,
    coalesce,
    description: "Benchmark fan-out, coalesced: messages within the window go out as one frame",
  });
}
