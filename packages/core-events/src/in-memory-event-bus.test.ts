import { createLogCapture } from "@repo/core-observability/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeEventBusContract } from "./__tests__/event-bus-contract";
import { defineEvent } from "./event-descriptor";
import { InMemoryEventBus } from "./in-memory-event-bus";

describeEventBusContract("InMemoryEventBus", (deps) => new InMemoryEventBus(deps));

describe("InMemoryEventBus", () => {
  const ping = defineEvent({ name: "ping", schema: z.object({ n: z.number() }) });

  it("names a subscriber after its function when no name is given", async () => {
    const capture = createLogCapture();
    const bus = new InMemoryEventBus({ logger: capture.logger });
    bus.subscribe(ping, function refreshSearchIndex() {
      throw new Error("index offline");
    });
    await bus.publish(ping, { n: 1 });
    expect(capture.entriesAt(50)).toEqual([
      expect.objectContaining({ layer: "event-bus", subscriber: "refreshSearchIndex", msg: "subscriber_failed" }),
    ]);
  });

  it("keeps the deliveries of a publish fixed once it has started", async () => {
    const bus = new InMemoryEventBus({ logger: createLogCapture().logger });
    const calls: string[] = [];
    bus.subscribe(ping, () => {
      calls.push("first");
      bus.subscribe(ping, () => void calls.push("late"));
    });
    await bus.publish(ping, { n: 1 });
    expect(calls).toEqual(["first"]);
  });

  it("refuses a payload that cannot be cloned before any subscriber runs", async () => {
    const withFunction = defineEvent({ name: "bad", schema: z.object({ callback: z.custom<() => void>() }) });
    const bus = new InMemoryEventBus({ logger: createLogCapture().logger });
    const calls: unknown[] = [];
    bus.subscribe(withFunction, (payload) => void calls.push(payload));
    await expect(bus.publish(withFunction, { callback: () => undefined })).rejects.toThrow(/could not be cloned/);
    expect(calls).toEqual([]);
  });
});
