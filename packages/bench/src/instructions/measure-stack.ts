import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { forkChild } from "../ipc/child-process";
import type { StackKind } from "../stacks/bench-stack";
import { CallgrindControl, TARGET_NODE_FLAGS, callgrindLauncher } from "./callgrind";
import { countPath } from "./count-path";
import type { HotPathOps, PathCount, WindowPlan } from "./count-path";
import { connectLockstepClients } from "./lockstep-clients";
import { ZTargetStarted } from "./target-commands";
import type { TBroadcastKind, TTargetCommand } from "./target-commands";

const TARGET_ENTRY = new URL("./target-server.ts", import.meta.url);

/** The hot paths of issue 19: a room broadcast (scenario 1), one targeted message (scenario 2), one inbound publish (scenario 4). */
export const HOT_PATHS = ["broadcast", "targeted", "inbound"] as const;
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
      const request = async (command: TTargetCommand): Promise<void> => void (await target.request(command, plan.timeoutMs));
      let step = 0;
      const sent: Record<TBroadcastKind, number> = { "fan-out": 0, targeted: 0, none: 0 };
      const delivered = (kind: TBroadcastKind): Promise<void> =>
        kind === "fan-out" ? clients.received(sent[kind]) : kind === "targeted" ? clients.targetedReceived(sent[kind]) : Promise.resolve();
      const paced = async (kind: TBroadcastKind, rewarmOps: number | null, ops: number): Promise<void> => {
        const userId = clients.targetedUserId;
        const firstStep = step;
        step += (rewarmOps ?? 0) + ops;
        sent[kind] += (rewarmOps ?? 0) + ops;
        await request(
          rewarmOps === null ? { kind: "broadcasts", broadcast: kind, userId, firstStep, count: ops } : { kind: "broadcast-window", broadcast: kind, userId, firstStep, rewarmOps, ops },
        );
        await delivered(kind);
      };
      // The markers sit inside the target around the broadcasts; what remains to subtract is the
      // target's own pacing (two event-loop turns per broadcast), counted with no broadcast in it.
      const broadcastOps = (kind: TBroadcastKind): HotPathOps => ({
        warmUp: async (ops) => {
          await request({ kind: "gc" });
          await paced(kind, null, ops);
        },
        window: (rewarmOps, ops) => paced(kind, rewarmOps, ops),
        calibrate: () => paced("none", plan.rewarmOps, plan.ops),
      });
      let publishes = 0;
      const publishMany = async (ops: number): Promise<void> => {
        for (let i = 0; i < ops; i++) await clients.publish(publishes++);
      };
      const inbound: HotPathOps = {
        warmUp: async (ops) => {
          await request({ kind: "gc" });
          await publishMany(ops);
        },
        window: async (rewarmOps, ops) => {
          await publishMany(rewarmOps);
          await request({ kind: "mark", edge: "start" });
          await publishMany(ops);
          await request({ kind: "mark", edge: "end" });
        },
        // The two IPC commands that carry the markers are inside the window: count them alone and subtract.
        calibrate: async () => {
          await request({ kind: "mark", edge: "start" });
          await request({ kind: "mark", edge: "end" });
        },
      };
      return {
        broadcast: await countPath(broadcastOps("fan-out"), control, plan),
        targeted: await countPath(broadcastOps("targeted"), control, plan),
        inbound: await countPath(inbound, control, plan),
      };
    } finally {
      clients.close();
    }
  } finally {
    await target.stop(30_000);
    await rm(dir, { recursive: true, force: true });
  }
}
