import { payloadOf } from "../bench-channels";
import { serveParent } from "../ipc/serve-parent";
import type { BenchStack } from "../stacks/bench-stack";
import { startBaselineStack } from "../stacks/baseline-stack";
import { startOurStack } from "../stacks/our-stack";
import { ZTargetCommand } from "./target-commands";
import type { TTargetCommand } from "./target-commands";

/*
 * The server whose instructions are counted: the same two stacks as `pnpm bench`
 * (ours with its inbound limits lifted but still evaluated, as in scenario 4),
 * started by `forkChild` under `valgrind --tool=callgrind`. Nothing runs here
 * unless asked, so between commands the process idles in epoll and adds nothing
 * to a counting window but the work the driver caused.
 */

const PAYLOAD_BYTES = 100;
const pad = payloadOf(PAYLOAD_BYTES, 0, 0).pad;
let stack: BenchStack | null = null;

async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("the target server needs --expose-gc");
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function handle(command: TTargetCommand): Promise<unknown> {
  switch (command.kind) {
    case "start": {
      if (stack !== null) throw new Error("Target already started");
      const options = { host: "127.0.0.1", port: 0, unlimitedInbound: true };
      stack = command.stack === "ours" ? await startOurStack(options) : await startBaselineStack(options);
      return { port: stack.port };
    }
    case "broadcast": {
      if (stack === null) throw new Error("Target not started");
      if (command.deliver) stack.fanOut({ dueAt: 0, step: command.step, pad });
      return {};
    }
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
