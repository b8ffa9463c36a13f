import { z } from "zod";
import { ZActivityEntry } from "./activity-entry";
import { ZMetricsSample } from "./metrics-sample";

/** What the `/admin` page renders on first paint, before the channel delivers anything. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- only its type is used (no package imports the value; knip)
const ZDashboardSnapshot = z.object({
  /** How often each instance pushes a new sample on the channel. */
  sampleIntervalMs: z.number().int().positive(),
  /** An instance whose last sample is older than this has stopped reporting and leaves the dashboard. */
  staleAfterMs: z.number().int().positive(),
  /** The instance that answered (its samples are the ones below; the others' arrive on the channel). */
  instance: z.string().min(1),
  /** Recent samples of the answering instance, oldest first (the chart's points); the last one is current. */
  samples: z.array(ZMetricsSample),
  /** Recent bus events and job traffic, newest first. */
  events: z.array(ZActivityEntry),
});
export type TDashboardSnapshot = z.infer<typeof ZDashboardSnapshot>;
