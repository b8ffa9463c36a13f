import { median } from "../stats/ratio";

/** What the counter needs from callgrind (see `CallgrindControl`). */
export interface InstructionCounter {
  zero(): Promise<void>;
  /** Instructions since the last zero. */
  dumpAndRead(): Promise<number>;
}

/** One hot path as the driver runs it. */
export interface HotPathOps {
  /** One operation, awaited to its very end (every delivery, or the ack). */
  run(step: number): Promise<void>;
  /**
   * The same driver-to-server round trip without the work (an IPC command the server only answers),
   * counted in windows of its own and subtracted; absent when the operation needs no such round trip.
   */
  calibrate?(step: number): Promise<void>;
  /** Full GCs in the server, so every window starts from the same heap. */
  collectGarbage(): Promise<void>;
}

export interface WindowPlan {
  /** Unrecorded operations first: JIT tiers and inline caches settle. */
  readonly warmupOps: number;
  /**
   * Unrecorded operations after each window's full GCs: a full GC throws away optimized code
   * that holds weak references to dead objects ("weak objects" deopts), so without these the
   * window would count V8 recompiling it (measured: 40-50 % of a window, in varying amounts).
   */
  readonly rewarmOps: number;
  /** Operations per counting window. */
  readonly ops: number;
  /** Counting windows; the figure is their median. */
  readonly windows: number;
}

export interface PathCount {
  /** Instructions per operation in each window, calibration subtracted. */
  readonly perOp: readonly number[];
  /** The calibration round trip per operation in each window (0 without one). */
  readonly calibrationPerOp: readonly number[];
  readonly median: number;
  /** (max - min) / median over the windows. */
  readonly spread: number;
}

/** Hands out increasing step numbers, so a late message of an earlier operation never counts for the next. */
export class StepCounter {
  #next = 0;
  take(): number {
    return this.#next++;
  }
}

async function countWindow(
  ops: HotPathOps,
  counter: InstructionCounter,
  plan: WindowPlan,
  steps: StepCounter,
  op: (step: number) => Promise<void>,
): Promise<number> {
  await ops.collectGarbage();
  for (let i = 0; i < plan.rewarmOps; i++) await op(steps.take());
  await counter.zero();
  for (let i = 0; i < plan.ops; i++) await op(steps.take());
  return counter.dumpAndRead();
}

/**
 * Counts one hot path: warm-up, then `windows` windows of `ops` lockstep
 * operations, each after full GCs and a re-warm, between a zero and a dump. With a
 * calibration op, every window is paired with a calibration window right
 * after it and the difference is what the operation itself cost.
 *
 * @example
 * const count = await countPath(broadcastOps, new CallgrindControl(pid, out), { warmupOps: 500, ops: 200, windows: 5 }, steps);
 * console.log(count.median); // instructions per broadcast
 */
export async function countPath(ops: HotPathOps, counter: InstructionCounter, plan: WindowPlan, steps = new StepCounter()): Promise<PathCount> {
  if (plan.ops < 1 || plan.windows < 1 || plan.warmupOps < 0 || plan.rewarmOps < 0) {
    throw new RangeError("a window plan needs ops >= 1, windows >= 1, warmupOps >= 0, rewarmOps >= 0");
  }
  for (let i = 0; i < plan.warmupOps; i++) {
    await ops.run(steps.take());
    if (ops.calibrate !== undefined) await ops.calibrate(steps.take());
  }
  const perOp: number[] = [];
  const calibrationPerOp: number[] = [];
  for (let w = 0; w < plan.windows; w++) {
    const total = await countWindow(ops, counter, plan, steps, (step) => ops.run(step));
    let calibration = 0;
    if (ops.calibrate !== undefined) {
      const calibrate = ops.calibrate.bind(ops);
      calibration = (await countWindow(ops, counter, plan, steps, calibrate)) / plan.ops;
    }
    perOp.push(total / plan.ops - calibration);
    calibrationPerOp.push(calibration);
  }
  const mid = median(perOp) ?? 0;
  return { perOp, calibrationPerOp, median: mid, spread: mid === 0 ? 0 : (Math.max(...perOp) - Math.min(...perOp)) / mid };
}
