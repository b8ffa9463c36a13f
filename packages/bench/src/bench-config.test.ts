import { describe, expect, it } from "vitest";
import { benchConfig, FD_HEADROOM, fitToOpenFilesLimit } from "./bench-config";

const full = benchConfig("full", { redisUrl: "redis://127.0.0.1:6379" });

describe("fitToOpenFilesLimit", () => {
  it("leaves counts alone when one server's connections fit under ulimit -n", () => {
    const { config, warnings } = fitToOpenFilesLimit(full, 10_000 + FD_HEADROOM);
    expect(config).toEqual(full);
    expect(warnings).toEqual([]);
  });

  it("scales every too-large count down and says so", () => {
    const { config, warnings } = fitToOpenFilesLimit(full, 4_096);
    expect(config.fanOut.sizes).toEqual([100, 1_000, 3_500]);
    expect(config.manyChannels.sockets).toBe(3_500);
    expect(config.connections.sockets).toBe(3_500);
    expect(warnings.join("\n")).toMatch(/10000 connections need ulimit -n >= 10512 \(it is 4096\); scaled down to 3500/);
  });

  it("warns when the limit could not be read", () => {
    expect(fitToOpenFilesLimit(full, null).warnings).toHaveLength(1);
  });
});

describe("benchConfig", () => {
  it("keeps quick mode small and the scenarios in the issue's order", () => {
    const quick = benchConfig("quick", { redisUrl: "redis://127.0.0.1:6379" });
    expect(quick.scenarios).toEqual(["fan-out", "many-channels", "connections", "inbound", "redis", "coalescing", "outbox"]);
    expect(quick.outbox.throughputMessages).toBeLessThanOrEqual(1_000);
    expect(quick.totalBudgetMs).toBeLessThan(120_000);
    expect(Math.max(...quick.fanOut.sizes)).toBeLessThanOrEqual(1_000);
    expect(full.fanOut.sizes).toEqual([100, 1_000, 5_000, 10_000]);
    expect(full.coalescing.sizes).toEqual([100, 1_000, 10_000]);
    expect(full.coalescing.coalesce.delayMs).toBeLessThan(100);
  });
});
