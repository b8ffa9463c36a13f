import { InMemoryJobQueue, jobCompleted, jobFailed } from "@repo/core-events";
import { createLogCapture } from "@repo/core-observability/testing";
import { RecordingEventBus } from "@repo/core-testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ArticleNotice, ISubscriberNotifier } from "../../services/subscriber-notifier";
import { notifySubscribersJob } from "../notify-subscribers.job";
import { onNotifySubscribers } from "./on-notify-subscribers.handler";

/** Fails the first `failures` attempts, then records the notice. */
function flakyNotifier(failures: number): ISubscriberNotifier & { readonly delivered: Array<[ArticleNotice, number]> } {
  const delivered: Array<[ArticleNotice, number]> = [];
  return {
    delivered,
    notify: async (notice, attempt) => {
      if (attempt <= failures) throw new Error(`mail server down (attempt ${attempt})`);
      delivered.push([notice, attempt]);
    },
  };
}

const notice = { articleId: "a1", authorId: "alice", title: "Hello" };

describe("onNotifySubscribers (article.notify-subscribers)", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("retries a failing delivery with the job's backoff until it succeeds", async () => {
    const bus = new RecordingEventBus();
    const queue = new InMemoryJobQueue({ logger: createLogCapture().logger, bus });
    const notifier = flakyNotifier(2);
    queue.process(notifySubscribersJob, onNotifySubscribers({ notifier }));

    await queue.enqueue(notifySubscribersJob, notice);
    await vi.advanceTimersByTimeAsync(0);
    expect(notifier.delivered).toEqual([]);
    await vi.advanceTimersByTimeAsync(500); // first retry after 500 ms
    expect(notifier.delivered).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000); // second retry after 1 s more
    expect(notifier.delivered).toEqual([[notice, 3]]);

    expect(bus.published.filter((e) => e.name === jobFailed.name).map((e) => e.payload)).toEqual([
      expect.objectContaining({ job: "article.notify-subscribers", attempt: 1, willRetry: true }),
      expect.objectContaining({ job: "article.notify-subscribers", attempt: 2, willRetry: true }),
    ]);
    bus.expectPublished(jobCompleted, { job: "article.notify-subscribers", attempt: 3 });
    await queue.close();
  });

  it("gives up after 4 attempts (3 retries) and says so", async () => {
    const bus = new RecordingEventBus();
    const queue = new InMemoryJobQueue({ logger: createLogCapture().logger, bus });
    const notifier = flakyNotifier(10);
    queue.process(notifySubscribersJob, onNotifySubscribers({ notifier }));

    await queue.enqueue(notifySubscribersJob, notice);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(notifier.delivered).toEqual([]);
    bus.expectPublished(jobFailed, { attempt: 4, willRetry: false });
    bus.expectNotPublished(jobCompleted);
    await queue.close();
  });
});
