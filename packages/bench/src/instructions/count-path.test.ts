import { describe, expect, it } from "vitest";
import { countPath } from "./count-path";
import type { HotPathOps, InstructionCounter } from "./count-path";

/**
 * A counter whose "instructions" are what the fake operations add: each run
 * costs `runCost(step)`, each calibration round trip 100, each GC 1,000,000
 * (which must never land in a window). The log shows the order of events.
 */
function fakeTarget(runCost: (step: number) => number) {
  const log: string[] = [];
  let counted = 0;
  const counter: InstructionCounter = {
    zero: () => {
      log.push("zero");
      counted = 0;
      return Promise.resolve();
    },
    dumpAndRead: () => {
      log.push("dump");
      const total = counted;
      counted = 0;
      return Promise.resolve(total);
    },
  };
  const ops: HotPathOps = {
    run: (step) => {
      log.push(`run ${step}`);
      counted += runCost(step) + 100;
      return Promise.resolve();
    },
    calibrate: (step) => {
      log.push(`calibrate ${step}`);
      counted += 100;
      return Promise.resolve();
    },
    collectGarbage: () => {
      log.push("gc");
      counted += 1_000_000;
      return Promise.resolve();
    },
  };
  return { log, counter, ops };
}

describe("countPath", () => {
  it("warms up, then counts each window after a GC and a re-warm, calibration subtracted", async () => {
    const target = fakeTarget(() => 5_000);
    const count = await countPath(target.ops, target.counter, { warmupOps: 1, rewarmOps: 1, ops: 2, windows: 2 });
    expect(count.perOp).toEqual([5_000, 5_000]);
    expect(count.calibrationPerOp).toEqual([100, 100]);
    expect(count.median).toBe(5_000);
    expect(count.spread).toBe(0);
    expect(target.log.slice(0, 13)).toEqual([
      "run 0",
      "calibrate 1",
      "gc",
      "run 2",
      "zero",
      "run 3",
      "run 4",
      "dump",
      "gc",
      "calibrate 5",
      "zero",
      "calibrate 6",
      "calibrate 7",
    ]);
  });

  it("reports the median and the spread of the windows", async () => {
    // Window costs by step: every op of window w costs 1000 * (w + 1), w = 0..2, in the order 2, 1, 3.
    const costs = [2_000, 1_000, 3_000];
    const target = fakeTarget((step) => costs[Math.floor(step / 4)] ?? 0);
    const withoutCalibration: HotPathOps = { run: target.ops.run, collectGarbage: target.ops.collectGarbage };
    const count = await countPath(withoutCalibration, target.counter, { warmupOps: 0, rewarmOps: 2, ops: 2, windows: 3 });
    expect(count.perOp).toEqual([2_100, 1_100, 3_100]);
    expect(count.calibrationPerOp).toEqual([0, 0, 0]);
    expect(count.median).toBe(2_100);
    expect(count.spread).toBeCloseTo(2_000 / 2_100);
  });

  it.each([
    { warmupOps: 0, rewarmOps: 0, ops: 0, windows: 1 },
    { warmupOps: 0, rewarmOps: 0, ops: 1, windows: 0 },
    { warmupOps: -1, rewarmOps: 0, ops: 1, windows: 1 },
  ])("refuses the plan %o", async (plan) => {
    const target = fakeTarget(() => 1);
    await expect(countPath(target.ops, target.counter, plan)).rejects.toBeInstanceOf(RangeError);
  });
});
