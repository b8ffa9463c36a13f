import { z } from "zod";
import { defineEvent } from "./event-descriptor";

const jobReference = { job: z.string().min(1), id: z.string().min(1) };
const attemptTiming = { attempt: z.number().int().positive(), durationMs: z.number().nonnegative() };

/** Published by a job queue given a bus, when a job is accepted. */
export const jobEnqueued = defineEvent({
  name: "job:enqueued",
  schema: z.object(jobReference),
});

/** Published when an attempt succeeds. */
export const jobCompleted = defineEvent({
  name: "job:completed",
  schema: z.object({ ...jobReference, ...attemptTiming }),
});

/** Published when an attempt fails; `willRetry` false means the job was given up. */
export const jobFailed = defineEvent({
  name: "job:failed",
  schema: z.object({ ...jobReference, ...attemptTiming, error: z.string(), willRetry: z.boolean() }),
});
