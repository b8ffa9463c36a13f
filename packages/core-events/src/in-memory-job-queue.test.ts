import { createLogCapture } from "@repo/core-observability/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { describeJobQueueContract } from "./__tests__/job-queue-contract";
import { InMemoryEventBus } from "./in-memory-event-bus";
import { InMemoryJobQueue, JobQueueClosedError } from "./in-memory-job-queue";
import { defineJob } from "./job-descriptor";
import { jobFailed } from "./job-lifecycle-events";

describeJobQueueContract("InMemoryJobQueue", (deps) => new InMemoryJobQueue(deps));

const resize = defineJob({
  name: "image.resize",
  schema: z.object({ imageId: z.string() }),
  retries: 3,
  backoff: { type: "exponential", delayMs: 100 },
});

/** Whether a promise has settled, without waiting for it. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true), () => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  return settled;
}

describe("InMemoryJobQueue (fake timers)", () => {
  let queue: InMemoryJobQueue;
  beforeEach(() => {
    vi.useFakeTimers();
    queue = new InMemoryJobQueue({ logger: createLogCapture().logger });
  });
  afterEach(async () => {
    await queue.close();
    vi.useRealTimers();
  });

  it("waits delay * 2^(attempt-1) between attempts with exponential backoff", async () => {
    const startedAt: number[] = [];
    const t0 = Date.now();
    queue.process(resize, () => {
      startedAt.push(Date.now() - t0);
      if (startedAt.length < 4) throw new Error("busy");
    });
    await queue.enqueue(resize, { imageId: "i1" });
    const drained = queue.drain();
    await vi.advanceTimersByTimeAsync(699);
    expect(startedAt).toEqual([0, 100, 300]);
    expect(await isSettled(drained)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(startedAt).toEqual([0, 100, 300, 700]);
    await drained;
  });

  it("waits the same delay between attempts with fixed backoff", async () => {
    const fixed = defineJob({ name: "fixed", schema: z.object({}), retries: 2, backoff: { type: "fixed", delayMs: 50 } });
    const startedAt: number[] = [];
    const t0 = Date.now();
    queue.process(fixed, () => {
      startedAt.push(Date.now() - t0);
      throw new Error("always");
    });
    await queue.enqueue(fixed, {});
    await vi.runAllTimersAsync();
    expect(startedAt).toEqual([0, 50, 100]);
  });

  it("starts a delayed job no earlier than its delay, and drain waits for it", async () => {
    const ran: number[] = [];
    const t0 = Date.now();
    queue.process(resize, () => void ran.push(Date.now() - t0));
    await queue.enqueue(resize, { imageId: "i1" }, { delayMs: 1_000 });
    const drained = queue.drain();
    await vi.advanceTimersByTimeAsync(999);
    expect(ran).toEqual([]);
    expect(await isSettled(drained)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual([1_000]);
    expect(await isSettled(drained)).toBe(true);
  });

  it("close() cancels pending retries and delayed runs and refuses new work", async () => {
    const attempts: number[] = [];
    queue.process(resize, (_payload, { attempt }) => {
      attempts.push(attempt);
      throw new Error("fail");
    });
    await queue.enqueue(resize, { imageId: "i1" });
    await queue.enqueue(resize, { imageId: "i2" }, { delayMs: 5_000 });
    expect(vi.getTimerCount()).toBe(2);
    await queue.close();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toEqual([1]);
    await expect(queue.enqueue(resize, { imageId: "i3" })).rejects.toBeInstanceOf(JobQueueClosedError);
  });
});

describe("InMemoryJobQueue", () => {
  const queues: InMemoryJobQueue[] = [];
  const createQueue = (concurrency?: number) => {
    const queue = new InMemoryJobQueue({ logger: createLogCapture().logger, concurrency });
    queues.push(queue);
    return queue;
  };
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((queue) => queue.close()));
  });

  it.each([
    [1, 1],
    [3, 3],
  ])("with concurrency %i runs at most %i attempts at once", async (concurrency, expectedPeak) => {
    const queue = createQueue(concurrency);
    let active = 0;
    let peak = 0;
    queue.process(resize, async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
    });
    for (const imageId of ["a", "b", "c", "d", "e"]) await queue.enqueue(resize, { imageId });
    await queue.drain();
    expect(peak).toBe(expectedPeak);
  });

  it("runs jobs in enqueue order with concurrency 1", async () => {
    const queue = createQueue();
    const order: string[] = [];
    queue.process(resize, async ({ imageId }) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      order.push(imageId);
    });
    for (const imageId of ["a", "b", "c"]) await queue.enqueue(resize, { imageId });
    await queue.drain();
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("holds jobs without a processor until one is registered, without blocking drain", async () => {
    const queue = createQueue();
    await queue.enqueue(resize, { imageId: "early" });
    await queue.drain();
    const ran: string[] = [];
    queue.process(resize, ({ imageId }) => void ran.push(imageId));
    await queue.drain();
    expect(ran).toEqual(["early"]);
  });

  it("allows one processor per job, and unregistering stops new runs", async () => {
    const queue = createQueue();
    const ran: string[] = [];
    const stop = queue.process(resize, ({ imageId }) => void ran.push(imageId));
    expect(() => queue.process(resize, () => undefined)).toThrow(/already has a processor/);
    await queue.enqueue(resize, { imageId: "a" });
    await queue.drain();
    stop();
    await queue.enqueue(resize, { imageId: "b" });
    await queue.drain();
    expect(ran).toEqual(["a"]);
  });

  it("truncates long error messages in job:failed events", async () => {
    const logger = createLogCapture().logger;
    const bus = new InMemoryEventBus({ logger });
    const errors: string[] = [];
    bus.subscribe(jobFailed, ({ error }) => void errors.push(error));
    const queue = new InMemoryJobQueue({ logger, bus });
    queues.push(queue);
    const once = defineJob({ name: "once", schema: z.object({}), retries: 0 });
    queue.process(once, () => {
      throw new Error("x".repeat(10_000));
    });
    await queue.enqueue(once, {});
    await queue.drain();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.length).toBe(500);
  });

  it("rejects a non-positive concurrency", () => {
    expect(() => new InMemoryJobQueue({ logger: createLogCapture().logger, concurrency: 0 })).toThrow(RangeError);
  });
});
