import { z } from "zod";
import { ZActivityEntry } from "./activity-entry";
import { ZMetricsSample } from "./metrics-sample";

/** What the `/admin` page renders on first paint, before the channel delivers anything. */
export const ZDashboardSnapshot = z.object({
  /** How often a new sample arrives on the channel. */
  sampleIntervalMs: z.number().int().positive(),
  /** Recent samples, oldest first (the chart's points); the last one is current. */
  samples: z.array(ZMetricsSample),
  /** Recent bus events and job traffic, newest first. */
  events: z.array(ZActivityEntry),
});
export type TDashboardSnapshot = z.infer<typeof ZDashboardSnapshot>;
