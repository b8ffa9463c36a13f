import { execFile } from "node:child_process";
import { readdir, readFile, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Runs a command to completion; injectable so the parsing below is tested without valgrind. */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<{ readonly stdout: string; readonly stderr: string }>;

/** The files a dump leaves behind; injectable for the same reason. */
export interface DumpFiles {
  list(dir: string): Promise<readonly string[]>;
  read(path: string): Promise<string>;
  remove(path: string): Promise<void>;
}

export class CallgrindError extends Error {
  override readonly name = "CallgrindError";
}

const execCommand: CommandRunner = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, [...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error !== null) reject(new CallgrindError(`${command} ${args.join(" ")} failed: ${error.message} ${stderr}`.trim()));
      else resolve({ stdout, stderr });
    });
  });

const nodeDumpFiles: DumpFiles = {
  list: (dir) => readdir(dir),
  read: (path) => readFile(path, "utf8"),
  remove: (path) => rm(path, { force: true }),
};

/**
 * The two native functions the target calls to bound a counting window
 * (`window-markers.ts`): callgrind zeroes its counters on entering the first
 * and writes a dump on entering the second, inside the target, at the exact
 * point in its own code, so no outside command races the operations. Both
 * are libuv calls nothing else in a bench server makes (`os.loadavg()`,
 * `os.uptime()`), and `node` here has its symbols.
 */
export const WINDOW_START_SYMBOL = "uv_loadavg";
export const WINDOW_END_SYMBOL = "uv_uptime";

/**
 * The launcher for `forkChild`: callgrind with instrumentation off until the
 * counter switches it on (start-up and module loading run at valgrind's
 * faster, uninstrumented speed), counters zeroed at the window's start
 * marker and dumped to `<outFile>.<n>` at its end marker.
 */
export function callgrindLauncher(outFile: string): readonly [string, ...string[]] {
  return [
    "valgrind",
    "--tool=callgrind",
    "--instr-atstart=no",
    `--zero-before=${WINDOW_START_SYMBOL}`,
    `--dump-before=${WINDOW_END_SYMBOL}`,
    `--callgrind-out-file=${outFile}`,
    "--log-file=/dev/null",
  ];
}

/**
 * Node and V8 flags for a countable target, so two runs execute the same
 * instructions: no background compiler or GC threads, a GC schedule that
 * depends on allocation only (no heap growing by time, no memory reducer, no
 * idle GC), fixed hash and random seeds; forced GC is added by `exposeGc`.
 */
export const TARGET_NODE_FLAGS = ["--single-threaded", "--predictable-gc-schedule", "--no-memory-reducer", "--hash-seed=1", "--random-seed=1"] as const;

/**
 * The instruction total of one callgrind dump: its `summary:` line (or
 * `totals:` when a dump has no summary), the first event being `Ir`
 * (instructions executed, every thread of the process).
 *
 * @example
 * parseCallgrindSummary("events: Ir\nsummary: 41194868\n"); // 41194868
 */
export function parseCallgrindSummary(dump: string): number {
  const line = /^summary:\s*(\d+)/m.exec(dump) ?? /^totals:\s*(\d+)/m.exec(dump);
  const events = /^events:\s*(\S+)/m.exec(dump);
  if (events !== null && events[1] !== "Ir") throw new CallgrindError(`callgrind dump counts ${events[1]} first, not Ir`);
  if (line?.[1] === undefined) throw new CallgrindError("callgrind dump has no summary: line");
  return Number(line[1]);
}

/** The dump numbers `<outFile>.<n>` present in a listing of its folder. */
export function dumpNumbers(outFile: string, names: readonly string[]): number[] {
  const prefix = `${basename(outFile)}.`;
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => Number(name.slice(prefix.length)))
    .sort((a, b) => a - b);
}

/**
 * One target process under callgrind: `callgrind_control --instr=on` once
 * (after start-up), then the dumps its end markers write, in order
 * (`<outFile>.1`, `.2`, ...). Works while node sits in `epoll_wait`:
 * valgrind's gdbserver wakes it to answer.
 *
 * @example
 * const control = new CallgrindControl(pid, "/tmp/x/ours.out");
 * await control.instrumentationOn(); // ... the target runs one marked window ...
 * const instructions = await control.nextDump();
 */
export class CallgrindControl {
  readonly #pid: number;
  readonly #outFile: string;
  readonly #run: CommandRunner;
  readonly #files: DumpFiles;
  readonly #pollMs: number;
  #dumpsRead = 0;

  constructor(pid: number, outFile: string, deps: { run?: CommandRunner; files?: DumpFiles; pollMs?: number } = {}) {
    this.#pid = pid;
    this.#outFile = outFile;
    this.#run = deps.run ?? execCommand;
    this.#files = deps.files ?? nodeDumpFiles;
    this.#pollMs = deps.pollMs ?? 100;
  }

  async instrumentationOn(): Promise<void> {
    const { stdout } = await this.#run("callgrind_control", ["--instr=on", String(this.#pid)]);
    if (!/OK/.test(stdout)) throw new CallgrindError(`callgrind_control --instr=on ${this.#pid} did not answer OK: ${stdout.trim()}`);
  }

  /**
   * The instructions of the next window: what was counted between a start
   * marker and the end marker that wrote dump `<outFile>.<n>`. Waits for the
   * dump to be complete (`totals:` is its last line), then removes it.
   */
  async nextDump(timeoutMs = 60_000): Promise<number> {
    const number = this.#dumpsRead + 1;
    const dir = dirname(this.#outFile);
    const path = join(dir, `${basename(this.#outFile)}.${number}`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (dumpNumbers(this.#outFile, await this.#files.list(dir)).includes(number)) {
        const text = await this.#files.read(path);
        if (/^totals:/m.test(text)) {
          this.#dumpsRead = number;
          await this.#files.remove(path);
          return parseCallgrindSummary(text);
        }
      }
      if (Date.now() >= deadline) throw new CallgrindError(`callgrind dump ${number} of pid ${this.#pid} did not appear within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, this.#pollMs));
    }
  }
}
