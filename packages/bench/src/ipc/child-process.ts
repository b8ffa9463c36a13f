import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { z } from "zod";

const ZReply = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.string() }),
]);

/** The loader every child runs under, resolved from this package so the cwd does not matter. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Children never outlive the orchestrator, whichever way it ends. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => live.forEach((child) => child.kill("SIGKILL")));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      live.forEach((child) => child.kill("SIGKILL"));
      process.exit(130);
    });
  }
}

export interface ChildHandle {
  readonly label: string;
  readonly pid: number | undefined;
  /** Sends one command; rejects on a child-side error, on exit, or after `timeoutMs`. */
  request(command: object, timeoutMs: number): Promise<unknown>;
  /** Asks nicely (a `close` command), then kills after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface ForkOptions {
  readonly label: string;
  /** The child exits by itself after this long, whatever happens (hard bound on a run). */
  readonly maxLifetimeMs: number;
  /** `--expose-gc`, for processes whose memory is measured. */
  readonly exposeGc?: boolean;
  /** Write a V8 CPU profile into this directory when the child exits. */
  readonly cpuProfileDir?: string;
  /**
   * Run node under this command, e.g. `["valgrind", "--tool=callgrind"]`: the child is then
   * `<launcher...> node <nodeFlags...> --import tsx <entry>`, still talking over the IPC channel.
   */
  readonly launcher?: readonly [string, ...string[]];
  /** Extra node / V8 flags (e.g. `--single-threaded`). */
  readonly nodeFlags?: readonly string[];
}

/**
 * Forks a benchmark child (a server or a load driver) under tsx, talking
 * request/response over the IPC channel.
 *
 * @example
 * const server = forkChild(new URL("../server-process.ts", import.meta.url), { label: "ours", maxLifetimeMs: 600_000 });
 * const started = await server.request({ kind: "start", stack: "ours" }, 10_000);
 */
export function forkChild(entry: URL, options: ForkOptions): ChildHandle {
  installExitHook();
  const nodeArgs = [
    ...(options.nodeFlags ?? []),
    "--import",
    TSX_LOADER,
    ...(options.exposeGc === true ? ["--expose-gc"] : []),
    ...(options.cpuProfileDir === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`]),
  ];
  // fork() runs `execPath ...execArgv entry args`: a launcher becomes execPath and node its first argument.
  const [launcher, ...launcherArgs] = options.launcher ?? [process.execPath];
  const child = fork(entry, [String(options.maxLifetimeMs)], {
    execPath: launcher,
    execArgv: options.launcher === undefined ? nodeArgs : [...launcherArgs, process.execPath, ...nodeArgs],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  live.add(child);
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let exitError: Error | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      live.delete(child);
      exitError = new Error(`bench child ${options.label} exited (code ${code}, signal ${signal})`);
      pending.forEach((waiter) => waiter.reject(exitError as Error));
      pending.clear();
      resolve();
    }),
  );
  child.on("message", (raw: unknown) => {
    const reply = ZReply.safeParse(raw);
    if (!reply.success) return void console.error(`bench: malformed message from ${options.label}`);
    const waiter = pending.get(reply.data.id);
    if (waiter === undefined) return;
    pending.delete(reply.data.id);
    if (reply.data.ok) waiter.resolve(reply.data.result);
    else waiter.reject(new Error(`${options.label}: ${reply.data.error}`));
  });
  return {
    label: options.label,
    pid: child.pid,
    request: (command, timeoutMs) => {
      if (exitError !== null) return Promise.reject(exitError);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${options.label}: no answer to ${JSON.stringify(command).slice(0, 80)} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.send({ id, command });
      });
    },
    stop: async (graceMs = 5_000) => {
      if (exitError !== null) return;
      const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      if (child.connected) child.send({ id: 0, command: { kind: "close" } });
      await exited;
      clearTimeout(killer);
    },
  };
}
