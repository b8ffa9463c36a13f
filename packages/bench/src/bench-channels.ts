import { z } from "zod";
import { defineRealtimeChannel } from "@repo/core-realtime";

/**
 * What every benchmark message carries: when it was due (epoch ms, fractional,
 * so latency includes any lag of the publisher itself), which step it belongs
 * to (late messages of an earlier step are not counted in the next) and
 * padding to the payload size under test.
 */
export const ZBenchPayload = z.object({
  dueAt: z.number(),
  step: z.number().int().min(0),
  pad: z.string().max(65_536),
});
export type TBenchPayload = z.infer<typeof ZBenchPayload>;

/** What a client publishes in the inbound scenario, and what the handler answers. */
export const ZBenchInbound = z.object({ dueAt: z.number(), step: z.number().int().min(0), pad: z.string().max(16_384) });

/** Scenario 1 and `start()`: one public channel every subscriber joins. */
export const benchFanOutChannel = defineRealtimeChannel({
  name: "bench.fanout",
  scope: "public",
  schema: ZBenchPayload,
  description: "Benchmark fan-out: one channel, many subscribers",
});

/** Scenario 2 and 3: one channel per user, readable by that user only. */
export const benchUserChannel = defineRealtimeChannel({
  name: "bench.user.{userId}",
  scope: { userScoped: "userId" },
  schema: ZBenchPayload,
  description: "Benchmark targeted delivery: one channel per user",
});

/** Scenario 4: authenticated clients publish through gate 3. */
export const benchInboundChannel = defineRealtimeChannel({
  name: "bench.inbound",
  scope: "authenticated",
  schema: ZBenchPayload,
  inbound: ZBenchInbound,
  description: "Benchmark inbound: client publishes through schema, authorize and handler",
});

/** JSON padding that makes a payload encode to about `bytes` bytes. */
export function payloadOf(bytes: number, step: number, dueAt: number): TBenchPayload {
  // `{"dueAt":1733060000000.123,"step":12,"pad":""}` is about 45 bytes.
  return { dueAt, step, pad: "x".repeat(Math.max(0, bytes - 45)) };
}
