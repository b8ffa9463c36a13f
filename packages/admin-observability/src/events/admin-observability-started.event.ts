import { defineEvent } from "@repo/core-events";
import { z } from "zod";

/**
 * Published once when the dashboard's sampler starts (dev seed), so the
 * event log shows the bus working on first start.
 *
 * @example
 * await ctx.bus.publish(adminObservabilityStarted, { sampleIntervalMs: 1000 });
 */
export const adminObservabilityStarted = defineEvent({
  name: "admin.observability-started",
  schema: z.object({ sampleIntervalMs: z.number().int().positive() }),
});
