import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createInMemoryTracing } from "./__tests__/in-memory-tracing";
import { createLogCapture } from "./log-capture";
import { isExpectedFailure, wasCaptured, withCapture } from "./with-capture";
import { SPAN_OP_ATTRIBUTE, withSpan } from "./with-span";

const ERROR_LEVEL = 50;

describe("withCapture", () => {
  it("passes arguments and the result through without logging", async () => {
    const capture = createLogCapture();
    const double = withCapture(capture.logger, { layer: "use-case" }, async (n: number) => n * 2);
    await expect(double(21)).resolves.toBe(42);
    expect(capture.entries()).toEqual([]);
  });

  it.each([
    ["throws", () => { throw new Error("db down"); }],
    ["rejects", () => Promise.reject(new Error("db down"))],
  ])("when fn %s: logs { layer, name, err } once at error level and rethrows the same error", async (_how, fn) => {
    const capture = createLogCapture();
    const wrapped = withCapture(capture.logger, { layer: "use-case", name: "createPoll" }, fn);
    const error = await wrapped().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("db down");
    expect(wasCaptured(error)).toBe(true);
    const entries = capture.entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      level: ERROR_LEVEL,
      layer: "use-case",
      name: "createPoll",
      err: { type: "Error", message: "db down" },
    });
  });

  it("logs an expected failure (a refusal) once at info with its code and no stack, and rethrows it", async () => {
    class Refusal extends Error {
      readonly expected = true;
      readonly code = "ALREADY_VOTED";
    }
    const capture = createLogCapture();
    const refusal = new Refusal("You already voted");
    const inner = withCapture(capture.logger, { layer: "realtime-handler", name: "onVote" }, () => Promise.reject(refusal));
    const outer = withCapture(capture.logger, { layer: "outer" }, inner);
    await expect(outer()).rejects.toBe(refusal);
    const entries = capture.entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 30, msg: "operation_refused", layer: "realtime-handler", name: "onVote", code: "ALREADY_VOTED", reason: "You already voted" });
    expect(entries[0]).not.toHaveProperty("err");
  });

  it.each([
    [{ expected: true }, true],
    [{ expected: "yes" }, false],
    [new Error("plain"), false],
    ["a string", false],
    [null, false],
  ])("isExpectedFailure(%o) is %s", (error, expected) => {
    expect(isExpectedFailure(error)).toBe(expected);
  });

  it("logs an error once when wrappers are nested, from the innermost layer", async () => {
    const capture = createLogCapture();
    const useCase = withCapture(capture.logger, { layer: "use-case", name: "vote" }, () => {
      throw new Error("closed poll");
    });
    const controller = withCapture(capture.logger, { layer: "controller", name: "vote" }, () => useCase());
    await expect(controller()).rejects.toThrow("closed poll");
    expect(capture.entriesAt(ERROR_LEVEL)).toEqual([expect.objectContaining({ layer: "use-case" })]);
  });

  it("logs a different error from an outer layer", async () => {
    const capture = createLogCapture();
    const inner = withCapture(capture.logger, { layer: "repository" }, () => {
      throw new Error("inner");
    });
    const outer = withCapture(capture.logger, { layer: "use-case" }, async () => {
      await inner().catch((cause: unknown) => {
        throw new Error("outer", { cause });
      });
    });
    await expect(outer()).rejects.toThrow("outer");
    expect(capture.entriesAt(ERROR_LEVEL).map((entry) => entry.layer)).toEqual(["repository", "use-case"]);
  });

  it("reports errors it never saw as not captured", () => {
    expect(wasCaptured(new Error("fresh"))).toBe(false);
    expect(wasCaptured("text")).toBe(false);
    expect(wasCaptured(null)).toBe(false);
  });
});

describe("the span + capture sandwich", () => {
  const tracing = createInMemoryTracing();
  beforeEach(() => tracing.reset());
  afterAll(() => tracing.shutdown());

  it("on success: one OK-less span, no log line", async () => {
    const capture = createLogCapture();
    const handler = withSpan(tracing.tracer, { op: "realtime-handler", name: "onVote" },
      withCapture(capture.logger, { layer: "realtime-handler", name: "onVote" }, async (choice: string) => `voted ${choice}`));
    await expect(handler("a")).resolves.toBe("voted a");
    expect(tracing.finishedSpans().map((span) => [span.name, span.attributes[SPAN_OP_ATTRIBUTE], span.status.code]))
      .toEqual([["onVote", "realtime-handler", SpanStatusCode.UNSET]]);
    expect(capture.entries()).toEqual([]);
  });

  it("on failure: the span is ERROR with the exception, the error is logged once, the caller gets it", async () => {
    const capture = createLogCapture();
    const handler = withSpan(tracing.tracer, { op: "realtime-handler", name: "onVote" },
      withCapture(capture.logger, { layer: "realtime-handler", name: "onVote" }, async () => {
        throw new Error("poll closed");
      }));
    const outer = withCapture(capture.logger, { layer: "server" }, handler);
    await expect(outer()).rejects.toThrow("poll closed");
    const [span] = tracing.finishedSpans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: "poll closed" });
    expect(span!.events.map((event) => event.name)).toEqual(["exception"]);
    expect(capture.entriesAt(ERROR_LEVEL)).toEqual([
      expect.objectContaining({ layer: "realtime-handler", name: "onVote", err: expect.objectContaining({ message: "poll closed" }) as unknown }),
    ]);
  });
});
