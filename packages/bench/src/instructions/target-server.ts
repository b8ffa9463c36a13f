import { payloadOf } from "../bench-channels";
import { serveParent } from "../ipc/serve-parent";
import type { BenchStack } from "../stacks/bench-stack";
import { startBaselineStack } from "../stacks/baseline-stack";
import { startOurStack } from "../stacks/our-stack";
import { ZTargetCommand } from "./target-commands";
import type { TBroadcastKind, TTargetCommand } from "./target-commands";
import { markWindowEnd, markWindowStart } from "./window-markers";

/*
 * The server whose instructions are counted: the same two stacks as `pnpm bench`
 * (ours with its inbound limits lifted but still evaluated, as in scenario 4),
 * started by `forkChild` under `valgrind --tool=callgrind`, with every periodic
 * timer (Engine.IO pings, re-authentication sweeps, slow-consumer checks, policy
 * cache expiry) pushed beyond any window (`quietTimers`). Nothing runs here unless
 * asked, so between commands the process idles in epoll, and a window holds only
 * the operations between its two markers.
 */

const PAYLOAD_BYTES = 100;
const pad = payloadOf(PAYLOAD_BYTES, 0, 0).pad;
let stack: BenchStack | null = null;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("the target server needs --expose-gc");
  for (let i = 0; i < 3; i++) {
    gc();
    await nextTurn();
  }
}

/**
 * Broadcasts one after another, each given two event-loop turns to finish
 * (ours stamps `seq` asynchronously; the writes' completions run a turn later),
 * so every broadcast meets the server in the same state, as in lockstep.
 */
async function broadcasts(live: BenchStack, kind: TBroadcastKind, userId: string, firstStep: number, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const payload = { dueAt: 0, step: firstStep + i, pad };
    if (kind === "fan-out") live.fanOut(payload);
    else if (kind === "targeted") live.toUser(userId, payload);
    await nextTurn();
    await nextTurn();
  }
}

function started(): BenchStack {
  if (stack === null) throw new Error("Target not started");
  return stack;
}

async function handle(command: TTargetCommand): Promise<unknown> {
  switch (command.kind) {
    case "start": {
      if (stack !== null) throw new Error("Target already started");
      const options = { host: "127.0.0.1", port: 0, unlimitedInbound: true, quietTimers: true };
      stack = command.stack === "ours" ? await startOurStack(options) : await startBaselineStack(options);
      return { port: stack.port };
    }
    case "broadcasts":
      await broadcasts(started(), command.broadcast, command.userId, command.firstStep, command.count);
      return {};
    case "broadcast-window": {
      const live = started();
      const { broadcast, userId, firstStep, rewarmOps, ops } = command;
      await broadcasts(live, broadcast, userId, firstStep, rewarmOps);
      markWindowStart();
      await broadcasts(live, broadcast, userId, firstStep + rewarmOps, ops);
      markWindowEnd();
      return {};
    }
    case "mark":
      if (command.edge === "start") markWindowStart();
      else markWindowEnd();
      return {};
    case "gc":
      await collectGarbage();
      return {};
  }
}

serveParent(
  async (raw) => handle(ZTargetCommand.parse(raw)),
  async () => {
    await stack?.close();
  },
);
