import { median } from "../stats/ratio";

/** What the counter needs from callgrind (see `CallgrindControl`). */
export interface InstructionCounter {
  /** Instructions of the next window the target marked (its dump, in order). */
  nextDump(): Promise<number>;
}

/** One hot path as the driver runs it against the target. */
export interface HotPathOps {
  /** `ops` unmarked operations, each awaited to its very end (every delivery, or the ack). */
  warmUp(ops: number): Promise<void>;
  /**
   * One marked window: `rewarmOps` unmarked operations, the start marker, `ops` operations, the
   * end marker (which makes callgrind write the window's dump). No forced GC between windows: a
   * full GC throws away optimized code holding weak references ("weak objects" deopts), and
   * repeated deopts can leave a function unoptimized for the rest of the process, a different
   * state in each run.
   */
  window(rewarmOps: number, ops: number): Promise<void>;
  /**
   * A marked window of `ops` operations with no work in them: what placing the markers and
   * pacing the operations cost (the commands that carry them, the event-loop turns), counted
   * beside every window and subtracted.
   */
  calibrate?(): Promise<void>;
}

export interface WindowPlan {
  /** Unrecorded operations first (after one forced GC): JIT tiers and inline caches settle. */
  readonly warmupOps: number;
  /** Unrecorded operations before each window, after the previous window's dump was written. */
  readonly rewarmOps: number;
  /** Operations per counting window. */
  readonly ops: number;
  /** Counting windows; the figure is their median. */
  readonly windows: number;
}

export interface PathCount {
  /** Instructions per operation in each window, the calibration (`calibrationPerOp`'s lowest) subtracted. */
  readonly perOp: readonly number[];
  /** Each calibration window's instructions per operation (0 without calibration). */
  readonly calibrationPerOp: readonly number[];
  readonly median: number;
  /** The lowest window: the operation with the least incidental work landing in it. */
  readonly min: number;
  /** (max - min) / median over the windows. */
  readonly spread: number;
}

/**
 * Counts one hot path: warm-up, then `windows` marked windows of `ops`
 * operations, each after a re-warm. With a calibration, every window is
 * followed by one with the same pacing and no operation, and the cleanest of
 * those is subtracted from every window.
 *
 * @example
 * const count = await countPath(broadcastOps, control, { warmupOps: 500, rewarmOps: 200, ops: 200, windows: 5 });
 * console.log(count.median); // instructions per broadcast
 */
export async function countPath(ops: HotPathOps, counter: InstructionCounter, plan: WindowPlan): Promise<PathCount> {
  if (plan.ops < 1 || plan.windows < 1 || plan.warmupOps < 0 || plan.rewarmOps < 0) {
    throw new RangeError("a window plan needs ops >= 1, windows >= 1, warmupOps >= 0, rewarmOps >= 0");
  }
  await ops.warmUp(plan.warmupOps);
  const totals: number[] = [];
  const calibrationPerOp: number[] = [];
  for (let w = 0; w < plan.windows; w++) {
    await ops.window(plan.rewarmOps, plan.ops);
    totals.push((await counter.nextDump()) / plan.ops);
    if (ops.calibrate !== undefined) {
      await ops.calibrate();
      calibrationPerOp.push((await counter.nextDump()) / plan.ops);
    } else {
      calibrationPerOp.push(0);
    }
  }
  // Incidental work (a GC, an optimizing compile) only ever adds: the cleanest calibration window
  // is the pacing's own cost; subtracting a window that caught a GC would undercount the operation.
  const calibration = Math.min(...calibrationPerOp);
  const perOp = totals.map((total) => total - calibration);
  const mid = median(perOp) ?? 0;
  const min = Math.min(...perOp);
  return { perOp, calibrationPerOp, median: mid, min, spread: mid === 0 ? 0 : (Math.max(...perOp) - min) / mid };
}
