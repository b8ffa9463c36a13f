import { isExpectedFailure } from "@repo/core-observability";
import { describe, expect, it } from "vitest";
import { RealtimeError, toRealtimeErrorBody } from "./errors";

describe("RealtimeError", () => {
  it("is an expected failure (logged as a refusal) for every code but INTERNAL", () => {
    expect(isExpectedFailure(new RealtimeError("ALREADY_VOTED", "You already voted"))).toBe(true);
    expect(isExpectedFailure(new RealtimeError("FORBIDDEN", "Not yours"))).toBe(true);
    expect(isExpectedFailure(new RealtimeError("INTERNAL", "Internal error"))).toBe(false);
  });

  it("crosses the wire as { code, message } plus retryAfterMs when rate limited", () => {
    expect(toRealtimeErrorBody(new RealtimeError("POLL_CLOSED", "Closed"))).toEqual({ code: "POLL_CLOSED", message: "Closed" });
    expect(toRealtimeErrorBody(new RealtimeError("RATE_LIMITED", "Slow down", { retryAfterMs: 250 }))).toEqual({
      code: "RATE_LIMITED",
      message: "Slow down",
      retryAfterMs: 250,
    });
  });

  it("never sends anything else's message or stack", () => {
    const body = toRealtimeErrorBody(new Error("ECONNREFUSED 10.0.0.7:5432"));
    expect(body).toEqual({ code: "INTERNAL", message: "Internal error" });
    expect(JSON.stringify(body)).not.toContain("10.0.0.7");
  });

  it("sends the generic message for an INTERNAL RealtimeError, whatever the thrower wrote", () => {
    const thrown = new RealtimeError("INTERNAL", "pool exhausted at db-primary.internal:5432");
    expect(toRealtimeErrorBody(thrown)).toEqual({ code: "INTERNAL", message: "Internal error" });
    expect(thrown.message).toContain("db-primary"); // still there for the log
  });
});
