import { getTracer } from "@repo/core-observability";
import { createLogCapture } from "@repo/core-observability/testing";
import { describe, expect, it } from "vitest";
import { instrumentRealtimeHandler, instrumentUseCase, traceConsumer } from "./instrument";

describe("instrumentUseCase", () => {
  it("passes arguments and the result through", async () => {
    const capture = createLogCapture();
    const add = instrumentUseCase({ tracer: getTracer("test"), logger: capture.logger }, "math.add", (a: number, b: number) => a + b);
    await expect(add(2, 3)).resolves.toBe(5);
    expect(capture.entriesAt(50)).toHaveLength(0);
  });

  it("logs a failure once with the use case's layer and name, and rethrows it", async () => {
    const capture = createLogCapture();
    const fail = instrumentUseCase({ tracer: getTracer("test"), logger: capture.logger }, "math.fail", () => {
      throw new Error("boom");
    });
    await expect(fail()).rejects.toThrow("boom");
    const errors = capture.entries().filter((entry) => entry.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ layer: "use-case", name: "math.fail" });
  });
});

describe("instrumentRealtimeHandler", () => {
  it("passes the payload and context through and returns the handler's result", async () => {
    const capture = createLogCapture();
    const handler = instrumentRealtimeHandler({ tracer: getTracer("test"), logger: capture.logger }, "polls.on-vote", (payload: { option: string }, ctx: { userId: string }) => `${ctx.userId}:${payload.option}`);
    await expect(handler({ option: "soup" }, { userId: "bob" })).resolves.toBe("bob:soup");
    expect(capture.entriesAt(50)).toHaveLength(0);
  });

  it("logs a fault once under the realtime-handler layer and the handler's name, and rethrows it", async () => {
    const capture = createLogCapture();
    const handler = instrumentRealtimeHandler({ tracer: getTracer("test"), logger: capture.logger }, "polls.on-vote", async () => {
      throw new Error("boom");
    });
    await expect(handler()).rejects.toThrow("boom");
    expect(capture.entries().filter((entry) => entry.level >= 50)).toEqual([expect.objectContaining({ layer: "realtime-handler", name: "polls.on-vote" })]);
  });
});

describe("traceConsumer", () => {
  it("rethrows without logging (the bus and queue log failed consumers themselves)", async () => {
    const consumer = traceConsumer({ tracer: getTracer("test") }, "articles.index", async (n: number) => {
      if (n < 0) throw new Error("negative");
      return n * 2;
    });
    await expect(consumer(4)).resolves.toBe(8);
    await expect(consumer(-1)).rejects.toThrow("negative");
  });
});
