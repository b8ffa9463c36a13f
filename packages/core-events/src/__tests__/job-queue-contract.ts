import type { EventMetrics, Logger } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { IEventBus, PublishedEvent } from "../event-bus";
import { InMemoryEventBus } from "../in-memory-event-bus";
import { defineJob } from "../job-descriptor";
import type { JobContext, IJobQueue } from "../job-queue";
import { JobValidationError } from "../payload-validation-error";
import { RecordingEventMetrics } from "./recording-event-metrics";

export type CreateJobQueue = (deps: { logger: Logger; metrics: EventMetrics; bus: IEventBus }) => IJobQueue;

// Tiny real backoffs: the contract runs against queues whose timers we do not control.
const sendEmail = defineJob({
  name: "email.send",
  schema: z.object({ to: z.email(), tags: z.array(z.string()).default([]) }),
  retries: 2,
  backoff: { type: "fixed", delayMs: 2 },
});

const ERROR_LEVEL = 50;

/** Behaviour every IJobQueue implementation must have; call from the implementation's test file. */
export function describeJobQueueContract(implementation: string, createQueue: CreateJobQueue): void {
  describe(`IJobQueue contract: ${implementation}`, () => {
    const queues: IJobQueue[] = [];
    afterEach(async () => {
      await Promise.all(queues.splice(0).map((queue) => queue.close()));
    });

    const setup = () => {
      const capture = createLogCapture();
      const metrics = new RecordingEventMetrics();
      const bus = new InMemoryEventBus({ logger: capture.logger });
      const lifecycle: PublishedEvent[] = [];
      bus.subscribeAll((event) => void lifecycle.push(event));
      const queue = createQueue({ logger: capture.logger, metrics, bus });
      queues.push(queue);
      return { capture, metrics, lifecycle, queue };
    };

    it("runs the handler with the parsed payload, attempt 1 and the enqueued id", async () => {
      const { queue, metrics } = setup();
      const runs: Array<[unknown, JobContext]> = [];
      queue.process(sendEmail, (payload, ctx) => void runs.push([payload, ctx]));
      const { id } = await queue.enqueue(sendEmail, { to: "a@example.com", tags: [] });
      await queue.drain();
      expect(runs).toEqual([[{ to: "a@example.com", tags: [] }, { attempt: 1, id }]]);
      expect(metrics.calls).toEqual([["jobEnqueued", "email.send"], ["jobCompleted", "email.send"]]);
    });

    it("rejects an invalid payload with JobValidationError and queues nothing", async () => {
      const { queue, metrics, lifecycle } = setup();
      const runs: unknown[] = [];
      queue.process(sendEmail, (payload) => void runs.push(payload));
      const error = await queue
        .enqueue(sendEmail, { to: "not-an-email", tags: [] })
        .catch((caught: unknown) => caught);
      await queue.drain();
      expect(error).toBeInstanceOf(JobValidationError);
      expect((error as JobValidationError).code).toBe("INVALID_JOB_PAYLOAD");
      expect((error as JobValidationError).issues.map((issue) => issue.path.join("."))).toEqual(["to"]);
      expect(runs).toEqual([]);
      expect(metrics.calls).toEqual([]);
      expect(lifecycle).toEqual([]);
    });

    it("retries a failing job, then succeeds, giving every attempt an untouched payload", async () => {
      const { queue, metrics } = setup();
      const seen: Array<{ attempt: number; tags: string[] }> = [];
      queue.process(sendEmail, (payload, { attempt }) => {
        seen.push({ attempt, tags: [...payload.tags] });
        payload.tags.push("mutated");
        if (attempt < 3) throw new Error(`smtp timeout ${attempt}`);
      });
      await queue.enqueue(sendEmail, { to: "a@example.com", tags: ["digest"] });
      await queue.drain();
      expect(seen).toEqual([1, 2, 3].map((attempt) => ({ attempt, tags: ["digest"] })));
      expect(metrics.calls).toEqual([
        ["jobEnqueued", "email.send"],
        ["jobFailed", "email.send", true],
        ["jobFailed", "email.send", true],
        ["jobCompleted", "email.send"],
      ]);
    });

    it("gives up after `retries` retries, logging and counting the final failure once", async () => {
      const { queue, metrics, capture } = setup();
      const attempts: number[] = [];
      queue.process(sendEmail, (_payload, { attempt }) => {
        attempts.push(attempt);
        return Promise.reject(new Error("mailbox full"));
      });
      const { id } = await queue.enqueue(sendEmail, { to: "a@example.com", tags: [] });
      await queue.drain();
      expect(attempts).toEqual([1, 2, 3]);
      expect(metrics.calls.filter(([kind]) => kind === "jobFailed")).toEqual([
        ["jobFailed", "email.send", true],
        ["jobFailed", "email.send", true],
        ["jobFailed", "email.send", false],
      ]);
      expect(capture.entriesAt(ERROR_LEVEL)).toEqual([
        expect.objectContaining({ job: "email.send", id, attempt: 3, willRetry: false, msg: "job_failed" }),
      ]);
    });

    it("publishes job:enqueued, job:failed and job:completed on the bus, without stacks", async () => {
      const { queue, lifecycle } = setup();
      queue.process(sendEmail, (_payload, { attempt }) => {
        if (attempt === 1) throw new Error("smtp timeout");
      });
      const { id } = await queue.enqueue(sendEmail, { to: "a@example.com", tags: [] });
      await queue.drain();

      expect(lifecycle.map(({ name, payload }) => ({ name, payload }))).toEqual([
        { name: "job:enqueued", payload: { job: "email.send", id } },
        {
          name: "job:failed",
          payload: { job: "email.send", id, attempt: 1, durationMs: expect.any(Number) as unknown, error: "smtp timeout", willRetry: true },
        },
        { name: "job:completed", payload: { job: "email.send", id, attempt: 2, durationMs: expect.any(Number) as unknown } },
      ]);
      expect(JSON.stringify(lifecycle)).not.toMatch(/\bat .*:\d+:\d+/);
    });

    it("drain also waits for an enqueue that has not resolved yet", async () => {
      const { queue } = setup();
      const ran: string[] = [];
      queue.process(sendEmail, ({ to }) => void ran.push(to));
      const enqueued = queue.enqueue(sendEmail, { to: "a@example.com", tags: [] });
      await queue.drain();
      expect(ran).toEqual(["a@example.com"]);
      await enqueued;
    });

    it("drain resolves at once when idle, and otherwise only after running and waiting work is done", async () => {
      const { queue } = setup();
      await queue.drain();
      const finished: number[] = [];
      queue.process(sendEmail, async (_payload, { attempt }) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (attempt === 1) throw new Error("retry me");
        finished.push(attempt);
      });
      await queue.enqueue(sendEmail, { to: "a@example.com", tags: [] });
      await queue.enqueue(sendEmail, { to: "b@example.com", tags: [] }, { delayMs: 10 });
      await queue.drain();
      expect(finished).toEqual([2, 2]);
    });
  });
}
