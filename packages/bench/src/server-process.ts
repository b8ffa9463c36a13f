import { monitorEventLoopDelay } from "node:perf_hooks";
import { benchToken } from "./bench-authenticator";
import { payloadOf } from "./bench-channels";
import { ZServerCommand } from "./ipc/server-commands";
import type { TServerCommand } from "./ipc/server-commands";
import { serveParent } from "./ipc/serve-parent";
import { runPaced } from "./paced-loop";
import type { BenchStack } from "./stacks/bench-stack";
import { startBaselineStack } from "./stacks/baseline-stack";
import { startOurStack } from "./stacks/our-stack";

/*
 * A server under test in its own process, so its CPU (`process.cpuUsage`) and
 * memory (RSS) are its own and not the load drivers'. Publishing runs here,
 * in-process, as an app's use cases would call the broadcaster.
 */

let stack: BenchStack | null = null;
let cpuMark = process.cpuUsage();
// The longest the event loop was blocked since the last `cpu` command: a periodic sweep over every
// socket shows up here as one long stall even when it barely moves CPU per delivery.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

function requireStack(): BenchStack {
  if (stack === null) throw new Error("Server not started");
  return stack;
}

async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("memory needs --expose-gc");
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function handle(command: TServerCommand): Promise<unknown> {
  switch (command.kind) {
    case "start": {
      if (stack !== null) throw new Error("Server already started");
      const options = {
        host: "127.0.0.1",
        port: 0,
        ...(command.redis === undefined ? {} : { redis: command.redis }),
        unlimitedInbound: command.unlimitedInbound ?? false,
        ...(command.coalesce === undefined ? {} : { coalesce: command.coalesce }),
      };
      stack = command.stack === "ours" ? await startOurStack(options) : await startBaselineStack(options);
      return { port: stack.port };
    }
    case "publish": {
      const target = requireStack();
      const pad = payloadOf(command.payloadBytes, command.step, 0).pad;
      const { step, target: to } = command;
      const run = await runPaced(command.messagesPerSecond, command.durationMs, (index, dueAt) => {
        const payload = { dueAt, step, pad };
        if (to.to === "fanout") target.fanOut(payload);
        else target.toUser(benchToken(to.from + (index % to.count)), payload);
      });
      // Let the last broadcasts' promises settle before counting their errors.
      await new Promise((resolve) => setImmediate(resolve));
      return { ...run, errors: target.takeErrors() };
    }
    case "cpu": {
      const used = process.cpuUsage(cpuMark);
      cpuMark = process.cpuUsage();
      const loopDelayMaxMs = loopDelay.max / 1e6;
      loopDelay.reset();
      return { cpuMicros: used.user + used.system, loopDelayMaxMs };
    }
    case "memory": {
      await collectGarbage();
      const memory = process.memoryUsage();
      return { rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external };
    }
    case "sockets":
      return { connected: requireStack().connectedSockets() };
  }
}

serveParent(
  async (raw) => handle(ZServerCommand.parse(raw)),
  async () => {
    await stack?.close();
  },
);
