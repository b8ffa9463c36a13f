import { describe, expect, it } from "vitest";
import { countPath } from "./count-path";
import type { HotPathOps, InstructionCounter } from "./count-path";

/**
 * A target whose "instructions" are what the fake operations add between the
 * markers: each operation costs `opCost(op)`, the markers' commands 100 per
 * window (the calibration), GCs and re-warm operations land outside the window.
 * The log shows the order of events.
 */
function fakeTarget(opCost: (op: number) => number, options: { calibrated?: boolean } = {}) {
  const log: string[] = [];
  const dumps: number[] = [];
  let op = 0;
  const counter: InstructionCounter = {
    nextDump: () => {
      const dump = dumps.shift();
      return dump === undefined ? Promise.reject(new Error("no dump")) : Promise.resolve(dump);
    },
  };
  const ops: HotPathOps = {
    warmUp: (count) => {
      log.push(`warm-up ${count}`);
      op += count;
      return Promise.resolve();
    },
    window: (rewarmOps, count) => {
      log.push(`gc, re-warm ${rewarmOps}, window ${count}`);
      op += rewarmOps;
      let total = options.calibrated === false ? 0 : 100;
      for (let i = 0; i < count; i++) total += opCost(op++);
      dumps.push(total);
      return Promise.resolve();
    },
    ...(options.calibrated === false
      ? {}
      : {
          calibrate: () => {
            log.push("calibrate");
            dumps.push(100);
            return Promise.resolve();
          },
        }),
  };
  return { log, counter, ops };
}

describe("countPath", () => {
  it("warms up, then counts each window after a re-warm, calibration subtracted", async () => {
    const target = fakeTarget(() => 5_000);
    const count = await countPath(target.ops, target.counter, { warmupOps: 3, rewarmOps: 1, ops: 2, windows: 2 });
    expect(count.perOp).toEqual([5_000, 5_000]);
    expect(count.calibrationPerOp).toEqual([50, 50]);
    expect(count.median).toBe(5_000);
    expect(count.min).toBe(5_000);
    expect(count.spread).toBe(0);
    expect(target.log).toEqual(["warm-up 3", "gc, re-warm 1, window 2", "calibrate", "gc, re-warm 1, window 2", "calibrate"]);
  });

  it("reports the median, the lowest window and the spread", async () => {
    // Ops 0-1 are re-warm, 2-3 window 1, 4-5 re-warm, 6-7 window 2, ...: window w costs 1000 * [2, 1, 3][w] per op.
    const costs = [2_000, 1_000, 3_000];
    const target = fakeTarget((op) => costs[Math.floor(op / 4)] ?? 0, { calibrated: false });
    const count = await countPath(target.ops, target.counter, { warmupOps: 0, rewarmOps: 2, ops: 2, windows: 3 });
    expect(count.perOp).toEqual([2_000, 1_000, 3_000]);
    expect(count.calibrationPerOp).toEqual([0, 0, 0]);
    expect(count.median).toBe(2_000);
    expect(count.min).toBe(1_000);
    expect(count.spread).toBeCloseTo(2_000 / 2_000);
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
