import type { Logger } from "@repo/core-observability";
import { wasCaptured } from "@repo/core-observability";

/** One sample a second: smooth enough for a live chart, cheap enough to leave on. */
export const DEFAULT_SAMPLE_INTERVAL_MS = 1_000;
/** Faster than this would make the dashboard itself a noticeable load. */
export const MIN_SAMPLE_INTERVAL_MS = 50;

export interface MetricsSamplerOptions {
  readonly intervalMs: number;
  readonly sample: () => Promise<unknown>;
  readonly logger: Logger;
}

export interface MetricsSampler {
  /** Resolves when the first sample has been taken (or failed). */
  readonly started: Promise<void>;
  /** Stops the timer; a sample in flight finishes, no new one starts. */
  readonly stop: () => void;
}

/**
 * Runs `sample` now and then every `intervalMs`. A tick that comes while the
 * previous sample still runs is skipped (samples never overlap, so rates stay
 * monotonic); a failing sample is logged (once) and the next tick tries
 * again. The timer is unref'd: it never keeps the process alive.
 *
 * @example
 * const sampler = startMetricsSampler({ intervalMs: 1000, sample, logger });
 * sampler.stop();
 */
export function startMetricsSampler(options: MetricsSamplerOptions): MetricsSampler {
  if (!Number.isInteger(options.intervalMs) || options.intervalMs < MIN_SAMPLE_INTERVAL_MS) {
    throw new RangeError(`Sample interval must be an integer >= ${MIN_SAMPLE_INTERVAL_MS} ms, got ${options.intervalMs}`);
  }
  let running = false;
  let stopped = false;
  const tick = async (): Promise<void> => {
    if (running || stopped) return;
    running = true;
    try {
      await options.sample();
    } catch (error) {
      // The use case's capture layer already logged it with its name.
      if (!wasCaptured(error)) options.logger.error({ err: error, layer: "admin-observability" }, "metrics_sample_failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return {
    started: tick(),
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
