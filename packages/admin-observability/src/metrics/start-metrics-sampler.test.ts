import { createLogCapture } from "@repo/core-observability/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startMetricsSampler } from "./start-metrics-sampler";

describe("startMetricsSampler", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("samples at once, then every interval, until stopped", async () => {
    const sample = vi.fn(() => Promise.resolve());
    const sampler = startMetricsSampler({ intervalMs: 1_000, sample, logger: createLogCapture().logger });
    await sampler.started;
    expect(sample).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sample).toHaveBeenCalledTimes(4);
    sampler.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sample).toHaveBeenCalledTimes(4);
  });

  it("skips ticks while a sample is still running (samples never overlap)", async () => {
    let release: () => void = () => undefined;
    let running = 0;
    let maxRunning = 0;
    const sample = vi.fn(async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((resolve) => (release = resolve));
      running -= 1;
    });
    const sampler = startMetricsSampler({ intervalMs: 100, sample, logger: createLogCapture().logger });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sample).toHaveBeenCalledTimes(1);
    release();
    await sampler.started;
    await vi.advanceTimersByTimeAsync(100);
    expect(sample).toHaveBeenCalledTimes(2);
    expect(maxRunning).toBe(1);
    sampler.stop();
    release();
  });

  it("logs a failing sample and keeps sampling", async () => {
    const capture = createLogCapture();
    let calls = 0;
    const sample = vi.fn(() => (++calls === 1 ? Promise.reject(new Error("registry gone")) : Promise.resolve()));
    const sampler = startMetricsSampler({ intervalMs: 1_000, sample, logger: capture.logger });
    await sampler.started;
    expect(capture.entriesAt(50)).toEqual([expect.objectContaining({ msg: "metrics_sample_failed", layer: "admin-observability" })]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sample).toHaveBeenCalledTimes(2);
    sampler.stop();
  });

  it.each([0, 10, 1.5, Number.NaN])("refuses an interval of %s ms", (intervalMs) => {
    expect(() => startMetricsSampler({ intervalMs, sample: () => Promise.resolve(), logger: createLogCapture().logger })).toThrow(RangeError);
  });
});
