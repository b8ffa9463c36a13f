import { InMemoryJobQueue, jobEnqueued } from "@repo/core-events";
import { createLogCapture } from "@repo/core-observability/testing";
import { RecordingEventBus } from "@repo/core-testing";
import { describe, expect, it } from "vitest";
import { notifySubscribersJob } from "../../jobs/notify-subscribers.job";
import { articlePublished } from "../article-published.event";
import { onArticlePublishedNotify } from "./on-article-published-notify.handler";

describe("onArticlePublishedNotify", () => {
  it("queues one article.notify-subscribers job with the article's ids and title, never its body", async () => {
    const bus = new RecordingEventBus();
    const queue = new InMemoryJobQueue({ logger: createLogCapture().logger, bus });
    const received: unknown[] = [];
    queue.process(notifySubscribersJob, (notice) => void received.push(notice));
    bus.subscribe(articlePublished, onArticlePublishedNotify({ queue }));

    await bus.publish(articlePublished, { id: "a1", title: "Hello", body: "secret draft notes", authorId: "alice", publishedAt: 1 });
    await queue.drain();

    bus.expectPublished(jobEnqueued, { job: "article.notify-subscribers" });
    expect(received).toEqual([{ articleId: "a1", authorId: "alice", title: "Hello" }]);
    await queue.close();
  });
});
