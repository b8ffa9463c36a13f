import { z } from "zod";
import { defineRealtimeChannel } from "@repo/core-realtime";

/**
 * Only the multi-instance idempotency tests use it: a publish runs a handler
 * that counts its runs per instance (after an optional delay, so a retry can
 * land elsewhere while the first run is still going).
 */
export const testCounterChannel = defineRealtimeChannel({
  name: "test-counter.{roomId}",
  scope: "authenticated",
  schema: z.object({}),
  inbound: z.strictObject({ delayMs: z.number().int().min(0).max(5_000) }),
});
