import { defineEvent } from "@repo/core-events";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RecordingEventBus } from "./recording-event-bus";

const pollCreated = defineEvent({ name: "poll:created", schema: z.object({ id: z.string(), question: z.string() }) });
const pollClosed = defineEvent({ name: "poll:closed", schema: z.object({ id: z.string() }) });

describe("RecordingEventBus", () => {
  it("records publishes and still delivers to subscribers", async () => {
    const bus = new RecordingEventBus();
    const seen: string[] = [];
    bus.subscribe(pollCreated, (p) => void seen.push(p.id));
    await bus.publish(pollCreated, { id: "p1", question: "Lunch?" });
    expect(seen).toEqual(["p1"]);
    expect(bus.expectPublished(pollCreated, { question: "Lunch?" }).payload).toEqual({ id: "p1", question: "Lunch?" });
    bus.expectNotPublished(pollClosed);
  });

  it("fails with a message that lists what was published instead", async () => {
    const bus = new RecordingEventBus();
    await bus.publish(pollCreated, { id: "p1", question: "Lunch?" });
    expect(() => bus.expectPublished(pollClosed)).toThrow(/"poll:closed".*recorded:\n {2}1\. poll:created/s);
    expect(() => bus.expectPublished(pollCreated, { question: "Dinner?" })).toThrow(/matching/);
    expect(() => bus.expectNotPublished(pollCreated)).toThrow(/not to be published/);
  });

  it("does not record a publish the schema rejects", async () => {
    const bus = new RecordingEventBus();
    await expect(bus.publish(pollCreated, { id: 1 } as never)).rejects.toMatchObject({ code: "INVALID_EVENT_PAYLOAD" });
    expect(bus.published).toEqual([]);
  });
});
