import { createLogCapture } from "@repo/core-observability/testing";
import { describe, expect, it } from "vitest";
import { installSignalHandlers, runShutdown } from "./shutdown";
import type { ShutdownResult } from "./shutdown";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("runShutdown", () => {
  it("runs the steps in order and reports a clean stop", async () => {
    const order: string[] = [];
    const steps = ["realtime", "http", "redis"].map((name) => ({ name, run: async () => void order.push(name) }));
    expect(await runShutdown(steps, { timeoutMs: 1_000, logger: createLogCapture().logger })).toEqual({ clean: true });
    expect(order).toEqual(["realtime", "http", "redis"]);
  });

  it("logs a failing step, still runs the next ones, and reports unclean", async () => {
    const capture = createLogCapture();
    const ran: string[] = [];
    const result = await runShutdown(
      [
        { name: "broken", run: () => Promise.reject(new Error("redis gone")) },
        { name: "next", run: async () => void ran.push("next") },
      ],
      { timeoutMs: 1_000, logger: capture.logger },
    );
    expect(result).toEqual({ clean: false });
    expect(ran).toEqual(["next"]);
    expect(capture.entriesAt(50)).toEqual([expect.objectContaining({ step: "broken", msg: "shutdown_step_failed" })]);
  });

  it("gives up at the deadline, names the stuck step and calls onTimeout", async () => {
    const capture = createLogCapture();
    let cut = false;
    // A step that never finishes on its own: runShutdown can only return through its deadline.
    let unstick!: () => void;
    const stuck = new Promise<void>((resolve) => (unstick = resolve));
    try {
      const result = await runShutdown([{ name: "stuck", run: () => stuck }], {
        timeoutMs: 100,
        logger: capture.logger,
        onTimeout: () => (cut = true),
      });
      expect(result).toEqual({ clean: false });
      expect(cut).toBe(true);
      expect(capture.entriesAt(50)).toEqual([expect.objectContaining({ step: "stuck", msg: "shutdown_timed_out", timeoutMs: 100 })]);
    } finally {
      unstick();
    }
  });

  it("abandons the steps after a stuck one, even when it finishes after the deadline", async () => {
    const ran: string[] = [];
    let unstick!: () => void;
    const stuck = new Promise<void>((resolve) => (unstick = resolve));
    const result = await runShutdown(
      [
        { name: "stuck", run: () => stuck },
        { name: "after", run: async () => void ran.push("after") },
      ],
      { timeoutMs: 50, logger: createLogCapture().logger },
    );
    expect(result).toEqual({ clean: false });
    unstick();
    await sleep(0);
    expect(ran).toEqual([]);
  });
});

describe("installSignalHandlers", () => {
  function fakeProcess() {
    const listeners = new Map<string, Array<() => void>>();
    return {
      on: (signal: string, listener: () => void) => void listeners.set(signal, [...(listeners.get(signal) ?? []), listener]),
      emit: (signal: string) => listeners.get(signal)?.forEach((listener) => listener()),
    };
  }

  it.each([
    { signal: "SIGTERM", result: { clean: true }, code: 0 },
    { signal: "SIGINT", result: { clean: true }, code: 0 },
    { signal: "SIGTERM", result: { clean: false }, code: 1 },
  ])("on $signal shuts down once and exits $code", async ({ signal, result, code }) => {
    const target = fakeProcess();
    const calls: string[] = [];
    const exits: number[] = [];
    installSignalHandlers(target, async (s): Promise<ShutdownResult> => (calls.push(s), result), (c) => void exits.push(c));
    target.emit(signal);
    await sleep(0);
    expect(calls).toEqual([signal]);
    expect(exits).toEqual([code]);
  });

  it("exits 1 at once on a second signal while shutting down", async () => {
    const target = fakeProcess();
    const exits: number[] = [];
    let finish!: (result: ShutdownResult) => void;
    installSignalHandlers(target, () => new Promise((resolve) => (finish = resolve)), (c) => void exits.push(c));
    target.emit("SIGTERM");
    target.emit("SIGINT");
    expect(exits).toEqual([1]);
    finish({ clean: true });
    await sleep(0);
    expect(exits).toEqual([1, 0]);
  });
});
