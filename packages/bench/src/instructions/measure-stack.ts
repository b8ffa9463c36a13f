import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { forkChild } from "../ipc/child-process";
import type { StackKind } from "../stacks/bench-stack";
import { CallgrindControl, TARGET_NODE_FLAGS, callgrindLauncher } from "./callgrind";
import { StepCounter, countPath } from "./count-path";
import type { HotPathOps, PathCount, WindowPlan } from "./count-path";
import { connectLockstepClients } from "./lockstep-clients";
import { ZTargetStarted } from "./target-commands";

const TARGET_ENTRY = new URL("./target-server.ts", import.meta.url);

/** The two hot paths of issue 19. */
export const HOT_PATHS = ["broadcast", "inbound"] as const;
export type HotPath = (typeof HOT_PATHS)[number];

export interface StackPlan extends WindowPlan {
  /** Subscribers of the broadcast path's room. */
  readonly subscribers: number;
  /** Bound on one operation or command (valgrind runs node 20-50x slower). */
  readonly timeoutMs: number;
  /** Bound on the target's start: tsx compiles both stacks under valgrind (70 s on an idle machine, minutes on a busy one). */
  readonly startTimeoutMs: number;
  /** The target exits by itself after this long, whatever happens. */
  readonly maxLifetimeMs: number;
}

export type StackCount = Record<HotPath, PathCount>;

/**
 * One fresh target server of `stack` under callgrind, its clients in this
 * process, both hot paths counted; the target is stopped and its dumps
 * removed whatever happens.
 *
 * @example
 * const ours = await measureStack("ours", { subscribers: 100, warmupOps: 500, rewarmOps: 200, ops: 200, windows: 5, timeoutMs: 120_000, startTimeoutMs: 600_000, maxLifetimeMs: 1_800_000 });
 */
export async function measureStack(stack: StackKind, plan: StackPlan): Promise<StackCount> {
  const dir = await mkdtemp(join(tmpdir(), `bench-instructions-${stack}-`));
  const outFile = join(dir, "callgrind.out");
  const target = forkChild(TARGET_ENTRY, {
    label: `${stack}-callgrind`,
    maxLifetimeMs: plan.maxLifetimeMs,
    exposeGc: true,
    launcher: callgrindLauncher(outFile),
    nodeFlags: TARGET_NODE_FLAGS,
  });
  try {
    const { port } = ZTargetStarted.parse(await target.request({ kind: "start", stack }, plan.startTimeoutMs));
    if (target.pid === undefined) throw new Error("the callgrind target has no pid");
    const clients = await connectLockstepClients(stack, `http://127.0.0.1:${port}`, { subscribers: plan.subscribers, timeoutMs: plan.timeoutMs });
    try {
      const control = new CallgrindControl(target.pid, outFile);
      await control.instrumentationOn();
      const steps = new StepCounter();
      const collectGarbage = async (): Promise<void> => void (await target.request({ kind: "gc" }, plan.timeoutMs));
      const broadcast: HotPathOps = {
        run: async (step) => {
          // Both awaited together, so a failed request never leaves the delivery wait unobserved.
          await Promise.all([clients.deliveriesOf(step), target.request({ kind: "broadcast", step, deliver: true }, plan.timeoutMs)]);
        },
        calibrate: async (step) => void (await target.request({ kind: "broadcast", step, deliver: false }, plan.timeoutMs)),
        collectGarbage,
      };
      const inbound: HotPathOps = { run: (step) => clients.publish(step), collectGarbage };
      return {
        broadcast: await countPath(broadcast, control, plan, steps),
        inbound: await countPath(inbound, control, plan, steps),
      };
    } finally {
      clients.close();
    }
  } finally {
    await target.stop(30_000);
    await rm(dir, { recursive: true, force: true });
  }
}
