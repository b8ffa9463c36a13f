import { describe, expect, it } from "vitest";
import { InFlightTracker } from "./in-flight-tracker";

describe("InFlightTracker", () => {
  it("drains once everything tracked has settled, rejections included", async () => {
    const tracker = new InFlightTracker();
    let resolveA: () => void = () => undefined;
    let rejectB: (error: Error) => void = () => undefined;
    void tracker.track(new Promise<void>((resolve) => (resolveA = resolve)));
    tracker.track(new Promise<void>((_resolve, reject) => (rejectB = reject))).catch(() => undefined);
    expect(tracker.size).toBe(2);
    const drained = tracker.drain(1000);
    resolveA();
    rejectB(new Error("handler failed"));
    expect(await drained).toBe(true);
    expect(tracker.size).toBe(0);
  });

  it("gives up after the timeout", async () => {
    const tracker = new InFlightTracker();
    void tracker.track(new Promise(() => undefined));
    expect(await tracker.drain(20)).toBe(false);
    expect(await new InFlightTracker().drain(0)).toBe(true);
  });
});
