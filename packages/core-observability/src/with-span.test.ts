import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { createInMemoryTracing } from "./__tests__/in-memory-tracing";
import { getTracer } from "./tracer";
import { SPAN_OP_ATTRIBUTE, withSpan } from "./with-span";

const tracing = createInMemoryTracing();
beforeEach(() => tracing.reset());
afterAll(() => tracing.shutdown());

describe("withSpan", () => {
  it("runs fn with its arguments inside a span named after name, tagged with op and attributes", async () => {
    const add = withSpan(tracing.tracer, { op: "use-case", name: "add", attributes: { feature: "math" } }, (a: number, b: number) => a + b);
    await expect(add(2, 3)).resolves.toBe(5);
    const [span] = tracing.finishedSpans();
    expect(tracing.finishedSpans()).toHaveLength(1);
    expect(span!.name).toBe("add");
    expect(span!.attributes).toEqual({ feature: "math", [SPAN_OP_ATTRIBUTE]: "use-case" });
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
    expect(span!.ended).toBe(true);
  });

  it("names the span after op when no name is given", async () => {
    await withSpan(tracing.tracer, { op: "controller" }, async () => "ok")();
    expect(tracing.finishedSpans().map((span) => span.name)).toEqual(["controller"]);
  });

  it.each([
    ["throws", () => { throw new Error("boom"); }],
    ["rejects", () => Promise.reject(new Error("boom"))],
  ])("when fn %s: rethrows, marks the span ERROR, records the exception and ends the span", async (_how, fn) => {
    const wrapped = withSpan(tracing.tracer, { op: "use-case", name: "explode" }, fn);
    await expect(wrapped()).rejects.toThrow("boom");
    const [span] = tracing.finishedSpans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: "boom" });
    expect(span!.ended).toBe(true);
    const exception = span!.events.find((event) => event.name === "exception");
    expect(exception?.attributes).toMatchObject({ "exception.type": "Error", "exception.message": "boom" });
  });

  it("records a thrown non-Error as a string", async () => {
    const wrapped = withSpan(tracing.tracer, { op: "use-case" }, () => {
      throw "plain string"; // eslint-disable-line @typescript-eslint/only-throw-error -- proving non-Error throws are handled
    });
    await expect(wrapped()).rejects.toBe("plain string");
    const [span] = tracing.finishedSpans();
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(span!.events[0]?.attributes).toMatchObject({ "exception.message": "plain string" });
  });

  it("makes its span the parent of spans started inside fn, across awaits", async () => {
    const inner = withSpan(tracing.tracer, { op: "repository", name: "load" }, async () => "row");
    const outer = withSpan(tracing.tracer, { op: "use-case", name: "show" }, async () => {
      await Promise.resolve();
      return inner();
    });
    await outer();
    const byName = new Map(tracing.finishedSpans().map((span) => [span.name, span]));
    expect(byName.get("load")!.parentSpanContext?.spanId).toBe(byName.get("show")!.spanContext().spanId);
  });

  it("infers the wrapped signature, unwrapping a promise-returning fn", () => {
    const wrapped = withSpan(tracing.tracer, { op: "x" }, async (id: string) => id.length);
    expectTypeOf(wrapped).toEqualTypeOf<(id: string) => Promise<number>>();
  });
});

describe("getTracer", () => {
  it("returns a working no-op tracer when no SDK is registered globally", async () => {
    const wrapped = withSpan(getTracer(), { op: "use-case" }, () => 42);
    await expect(wrapped()).resolves.toBe(42);
    expect(tracing.finishedSpans()).toEqual([]);
  });
});
