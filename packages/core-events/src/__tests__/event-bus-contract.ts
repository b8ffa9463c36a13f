import type { EventMetrics, Logger } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { EventMeta, IEventBus, PublishedEvent } from "../event-bus";
import { defineEvent } from "../event-descriptor";
import type { EventPayload } from "../event-descriptor";
import { EventValidationError } from "../payload-validation-error";
import { RecordingEventMetrics } from "./recording-event-metrics";

export type CreateEventBus = (deps: { logger: Logger; metrics: EventMetrics }) => IEventBus;

const pollCreated = defineEvent({
  name: "poll:created",
  schema: z.object({
    pollId: z.string().min(1),
    title: z.string().trim(),
    options: z.array(z.object({ label: z.string() })),
  }),
});
const articlePublished = defineEvent({ name: "article.published", schema: z.object({ slug: z.string() }) });

type Poll = EventPayload<typeof pollCreated>;
const samplePoll = (): Poll => ({ pollId: "p1", title: "Lunch?", options: [{ label: "pizza" }, { label: "sushi" }] });

const ERROR_LEVEL = 50;

/** Behaviour every IEventBus implementation must have; call from the implementation's test file. */
export function describeEventBusContract(implementation: string, createBus: CreateEventBus): void {
  const setup = () => {
    const capture = createLogCapture();
    const metrics = new RecordingEventMetrics();
    return { capture, metrics, bus: createBus({ logger: capture.logger, metrics }) };
  };

  describe(`IEventBus contract: ${implementation}`, () => {
    it("delivers the schema's output and publish metadata to each subscriber", async () => {
      const { bus, metrics } = setup();
      const received: Array<[Poll, EventMeta]> = [];
      bus.subscribe(pollCreated, (poll, meta) => void received.push([poll, meta]));
      await bus.publish(pollCreated, { ...samplePoll(), title: "  Lunch?  " });
      expect(received).toHaveLength(1);
      const [poll, meta] = received[0]!;
      expect(poll).toEqual(samplePoll());
      expect(meta.eventName).toBe("poll:created");
      expect(meta.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Math.abs(meta.publishedAt - Date.now())).toBeLessThan(5_000);
      expect(metrics.calls).toEqual([["eventPublished", "poll:created"]]);
    });

    it("rejects an invalid payload with EventValidationError and delivers nothing", async () => {
      const { bus, metrics } = setup();
      const delivered: unknown[] = [];
      bus.subscribe(pollCreated, (poll) => void delivered.push(poll));
      bus.subscribeAll((event) => void delivered.push(event));
      const invalid = { pollId: "", title: "x", options: "none" } as unknown as Poll;

      const error = await bus.publish(pollCreated, invalid).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(EventValidationError);
      const validation = error as EventValidationError;
      expect(validation.code).toBe("INVALID_EVENT_PAYLOAD");
      expect(validation.eventName).toBe("poll:created");
      expect(validation.issues.map((issue) => issue.path.join("."))).toEqual(["pollId", "options"]);
      expect(delivered).toEqual([]);
      expect(metrics.calls).toEqual([]);
    });

    it("gives each subscriber its own copy: mutations never reach other subscribers or the publisher", async () => {
      const { bus } = setup();
      const seen: Poll[] = [];
      bus.subscribe(pollCreated, (poll) => {
        poll.title = "hijacked";
        poll.options.push({ label: "injected" });
        poll.options[0]!.label = "changed";
      });
      bus.subscribe(pollCreated, (poll) => void seen.push(structuredClone(poll)));
      bus.subscribeAll((event) => void seen.push(structuredClone(event.payload) as Poll));
      const published = samplePoll();

      await bus.publish(pollCreated, published);

      expect(seen).toEqual([samplePoll(), samplePoll()]);
      expect(published).toEqual(samplePoll());
    });

    it.each([
      ["throws", () => { throw new Error("sync failure"); }],
      ["rejects", async () => { await Promise.resolve(); throw new Error("async failure"); }],
    ])("runs every subscriber when one %s, logs and counts the failure, and still resolves", async (_how, failing) => {
      const { bus, capture, metrics } = setup();
      const ran: string[] = [];
      bus.subscribe(pollCreated, () => void ran.push("before"));
      bus.subscribe(pollCreated, failing, { name: "flaky-indexer" });
      bus.subscribe(pollCreated, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        ran.push("after");
      });

      await expect(bus.publish(pollCreated, samplePoll())).resolves.toBeUndefined();

      expect(ran).toEqual(["before", "after"]);
      expect(capture.entriesAt(ERROR_LEVEL)).toEqual([
        expect.objectContaining({
          event: "poll:created",
          subscriber: "flaky-indexer",
          err: expect.objectContaining({ message: expect.stringMatching(/failure$/) as unknown }) as unknown,
        }),
      ]);
      expect(metrics.calls).toContainEqual(["subscriberFailed", "poll:created"]);
    });

    it("resolves publish only after async subscribers have settled", async () => {
      const { bus } = setup();
      let finished = false;
      bus.subscribe(pollCreated, async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        finished = true;
      });
      await bus.publish(pollCreated, samplePoll());
      expect(finished).toBe(true);
    });

    it("stops delivering after unsubscribe, and unsubscribing twice is harmless", async () => {
      const { bus } = setup();
      const calls: string[] = [];
      const stop = bus.subscribe(pollCreated, (poll) => void calls.push(poll.pollId));
      bus.subscribe(pollCreated, () => void calls.push("other"));
      await bus.publish(pollCreated, samplePoll());
      stop();
      stop();
      await bus.publish(pollCreated, { ...samplePoll(), pollId: "p2" });
      expect(calls).toEqual(["p1", "other", "other"]);
    });

    it("keeps events apart by name", async () => {
      const { bus } = setup();
      const slugs: string[] = [];
      bus.subscribe(articlePublished, ({ slug }) => void slugs.push(slug));
      await bus.publish(pollCreated, samplePoll());
      await bus.publish(articlePublished, { slug: "hello" });
      expect(slugs).toEqual(["hello"]);
    });

    it("subscribeAll observes every event with its name, payload, id and time, until unsubscribed", async () => {
      const { bus } = setup();
      const observed: PublishedEvent[] = [];
      const metas: EventMeta[] = [];
      bus.subscribe(pollCreated, (_poll, meta) => void metas.push(meta));
      const stop = bus.subscribeAll((event) => void observed.push(event), { name: "live-dashboard" });

      await bus.publish(pollCreated, samplePoll());
      await bus.publish(articlePublished, { slug: "hello" });
      stop();
      await bus.publish(articlePublished, { slug: "unseen" });

      expect(observed.map(({ name, payload }) => ({ name, payload }))).toEqual([
        { name: "poll:created", payload: samplePoll() },
        { name: "article.published", payload: { slug: "hello" } },
      ]);
      expect(observed[0]!.id).toBe(metas[0]!.id);
      expect(observed[0]!.publishedAt).toBe(metas[0]!.publishedAt);
      expect(observed[1]!.id).not.toBe(observed[0]!.id);
    });

    it("isolates a failing subscribeAll observer like any subscriber", async () => {
      const { bus, capture } = setup();
      const delivered: string[] = [];
      bus.subscribeAll(() => { throw new Error("dashboard down"); }, { name: "live-dashboard" });
      bus.subscribe(articlePublished, ({ slug }) => void delivered.push(slug));
      await bus.publish(articlePublished, { slug: "hello" });
      expect(delivered).toEqual(["hello"]);
      expect(capture.entriesAt(ERROR_LEVEL)).toEqual([
        expect.objectContaining({ event: "article.published", subscriber: "live-dashboard" }),
      ]);
    });
  });
}
