import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./outbox-backoff";

describe("retryDelayMs", () => {
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [6, 3_200],
    [7, 5_000],
    [500, 5_000],
  ])("after %i failures waits %i ms", (attempts, delay) => {
    expect(retryDelayMs(attempts, { initialMs: 100, maxMs: 5_000 })).toBe(delay);
  });
});
