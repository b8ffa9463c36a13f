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

export const execCommand: CommandRunner = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, [...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error !== null) reject(new CallgrindError(`${command} ${args.join(" ")} failed: ${error.message} ${stderr}`.trim()));
      else resolve({ stdout, stderr });
    });
  });

export const nodeDumpFiles: DumpFiles = {
  list: (dir) => readdir(dir),
  read: (path) => readFile(path, "utf8"),
  remove: (path) => rm(path, { force: true }),
};

/**
 * The launcher for `forkChild`: callgrind with instrumentation off until the
 * counter switches it on (start-up and module loading run at valgrind's
 * faster, uninstrumented speed), every dump written to `<outFile>.<n>`.
 */
export function callgrindLauncher(outFile: string): readonly [string, ...string[]] {
  return ["valgrind", "--tool=callgrind", "--instr-atstart=no", `--callgrind-out-file=${outFile}`, "--log-file=/dev/null"];
}

/** Node and V8 flags for a countable target: no background compiler or GC threads, forced GC allowed. */
export const TARGET_NODE_FLAGS = ["--single-threaded"] as const;

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
 * `callgrind_control` for one target process: switch instrumentation on,
 * zero the counters, dump and read what was counted since. Works while node
 * sits in `epoll_wait`: valgrind's gdbserver wakes it to answer.
 *
 * @example
 * const control = new CallgrindControl(pid, "/tmp/x/ours.out");
 * await control.zero(); // ... run the operations ...
 * const instructions = await control.dumpAndRead();
 */
export class CallgrindControl {
  readonly #pid: number;
  readonly #outFile: string;
  readonly #run: CommandRunner;
  readonly #files: DumpFiles;
  readonly #pollMs: number;

  constructor(pid: number, outFile: string, deps: { run?: CommandRunner; files?: DumpFiles; pollMs?: number } = {}) {
    this.#pid = pid;
    this.#outFile = outFile;
    this.#run = deps.run ?? execCommand;
    this.#files = deps.files ?? nodeDumpFiles;
    this.#pollMs = deps.pollMs ?? 100;
  }

  async instrumentationOn(): Promise<void> {
    await this.#control("--instr=on");
  }

  async zero(): Promise<void> {
    await this.#control("--zero");
  }

  /** Dumps the counters (which also zeroes them) and returns the instructions in that dump; the dump file is removed. */
  async dumpAndRead(timeoutMs = 60_000): Promise<number> {
    const dir = dirname(this.#outFile);
    const before = dumpNumbers(this.#outFile, await this.#files.list(dir));
    await this.#control("--dump");
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const fresh = dumpNumbers(this.#outFile, await this.#files.list(dir)).filter((n) => !before.includes(n));
      const newest = fresh.at(-1);
      if (newest !== undefined) {
        const path = join(dir, `${basename(this.#outFile)}.${newest}`);
        const text = await this.#files.read(path);
        // `summary:` is in the header, `totals:` is the last line: a dump still being written has no totals yet.
        if (/^totals:/m.test(text)) {
          await this.#files.remove(path);
          return parseCallgrindSummary(text);
        }
      }
      if (Date.now() >= deadline) throw new CallgrindError(`no callgrind dump of pid ${this.#pid} appeared within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, this.#pollMs));
    }
  }

  async #control(flag: string): Promise<void> {
    const { stdout } = await this.#run("callgrind_control", [flag, String(this.#pid)]);
    if (!/OK/.test(stdout)) throw new CallgrindError(`callgrind_control ${flag} ${this.#pid} did not answer OK: ${stdout.trim()}`);
  }
}
