import { describe, expect, it } from "vitest";
import { CallgrindControl, CallgrindError, WINDOW_END_SYMBOL, WINDOW_START_SYMBOL, callgrindLauncher, dumpNumbers, parseCallgrindSummary } from "./callgrind";
import type { CommandRunner, DumpFiles } from "./callgrind";

const DUMP = ["# callgrind format", "version: 1", "pid: 4242", "events: Ir", "summary: 41194868", "", "fn=(1) main", "0 12", "", "totals: 41194877", ""].join("\n");

/** A folder in memory, and a callgrind_control that answers like valgrind's. */
function fakeValgrind(options: { answer?: string } = {}) {
  const files = new Map<string, string>();
  const calls: string[] = [];
  const run: CommandRunner = (command, args) => {
    calls.push([command, ...args].join(" "));
    return Promise.resolve({ stdout: options.answer ?? `PID ${args[1]}: node\n  OK.\n`, stderr: "" });
  };
  const fs: DumpFiles = {
    list: (dir) => Promise.resolve([...files.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1))),
    read: (path) => Promise.resolve(files.get(path) ?? ""),
    remove: (path) => Promise.resolve(void files.delete(path)),
  };
  return { files, calls, run, fs };
}

describe("parseCallgrindSummary", () => {
  it("reads the summary line of a dump", () => {
    expect(parseCallgrindSummary(DUMP)).toBe(41_194_868);
  });

  it("falls back to totals when a dump has no summary", () => {
    expect(parseCallgrindSummary("events: Ir\ntotals: 123\n")).toBe(123);
  });

  it.each([
    ["no summary or totals", "events: Ir\nfn=(1) x\n", /no summary/],
    ["another first event", "events: Dr\nsummary: 5\n", /counts Dr first, not Ir/],
  ])("refuses a dump with %s", (_name, text, message) => {
    expect(() => parseCallgrindSummary(text)).toThrow(message);
  });
});

describe("dumpNumbers", () => {
  it("lists the numbered dumps of one out file, in order, and nothing else", () => {
    const names = ["callgrind.out", "callgrind.out.10", "callgrind.out.2", "callgrind.out.2.txt", "other.out.3", "callgrind.out.x"];
    expect(dumpNumbers("/tmp/cg/callgrind.out", names)).toEqual([2, 10]);
  });
});

describe("callgrindLauncher", () => {
  it("starts with instrumentation off, zeroes and dumps at the window markers, names the out file", () => {
    expect(callgrindLauncher("/tmp/cg/callgrind.out")).toEqual(
      expect.arrayContaining([
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        `--zero-before=${WINDOW_START_SYMBOL}`,
        `--dump-before=${WINDOW_END_SYMBOL}`,
        "--callgrind-out-file=/tmp/cg/callgrind.out",
      ]),
    );
  });
});

describe("CallgrindControl", () => {
  it("switches instrumentation on, then reads the marked windows' dumps in order and removes them", async () => {
    const valgrind = fakeValgrind();
    const control = new CallgrindControl(4242, "/tmp/cg/callgrind.out", { run: valgrind.run, files: valgrind.fs, pollMs: 1 });
    await control.instrumentationOn();
    valgrind.files.set("/tmp/cg/callgrind.out.2", "events: Ir\nsummary: 2\ntotals: 2\n");
    valgrind.files.set("/tmp/cg/callgrind.out.1", DUMP);
    expect(await control.nextDump()).toBe(41_194_868);
    expect(await control.nextDump()).toBe(2);
    expect(valgrind.calls).toEqual(["callgrind_control --instr=on 4242"]);
    expect([...valgrind.files.keys()]).toEqual([]);
  });

  it("waits for a dump that is still being written (no totals yet)", async () => {
    const valgrind = fakeValgrind();
    valgrind.files.set("/tmp/cg/callgrind.out.1", "events: Ir\nsummary: 77\n");
    const control = new CallgrindControl(1, "/tmp/cg/callgrind.out", { run: valgrind.run, files: valgrind.fs, pollMs: 1 });
    const reading = control.nextDump(5_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    valgrind.files.set("/tmp/cg/callgrind.out.1", "events: Ir\nsummary: 77\nfn=(1) x\n0 77\ntotals: 77\n");
    expect(await reading).toBe(77);
  });

  it("fails when no dump appears in time", async () => {
    const valgrind = fakeValgrind();
    const control = new CallgrindControl(1, "/tmp/cg/callgrind.out", { run: valgrind.run, files: valgrind.fs, pollMs: 1 });
    await expect(control.nextDump(20)).rejects.toThrow(/callgrind dump 1 of pid 1 did not appear within 20 ms/);
  });

  it("fails when callgrind_control does not answer OK (no such process)", async () => {
    const valgrind = fakeValgrind({ answer: "Error: Callgrind task with PID 9 not detected\n" });
    const control = new CallgrindControl(9, "/tmp/cg/callgrind.out", { run: valgrind.run, files: valgrind.fs });
    await expect(control.instrumentationOn()).rejects.toBeInstanceOf(CallgrindError);
  });
});
