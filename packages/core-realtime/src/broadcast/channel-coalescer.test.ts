import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RealtimeMessage } from "../protocol/wire-protocol";
import { ChannelCoalescer } from "./channel-coalescer";
import type { CoalescedRun } from "./channel-coalescer";

const WINDOW = { delayMs: 20, maxBatch: 4 };

function message(channel: string, seq: number, epoch = "e1"): RealtimeMessage {
  return { channel, payload: { n: seq }, seq, epoch, emittedAt: 0, id: `${channel}-${seq}` };
}

function start() {
  const runs: CoalescedRun[] = [];
  const errors: { error: unknown; run: CoalescedRun }[] = [];
  let failNext = false;
  const coalescer = new ChannelCoalescer({
    write: (run) => {
      if (failNext) {
        failNext = false;
        throw new Error("socket write failed");
      }
      runs.push(run);
    },
    onWriteError: (error, run) => errors.push({ error, run }),
  });
  const seqsOf = () => runs.map((run) => run.messages.map((m) => `${m.channel}#${m.seq}`));
  return { coalescer, runs, errors, seqsOf, failNextWrite: () => (failNext = true) };
}

describe("ChannelCoalescer (fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("holds messages for the window that the first one opened, then writes them as one run", () => {
    const t = start();
    t.coalescer.add("feed", WINDOW, message("feed", 1));
    vi.advanceTimersByTime(15);
    t.coalescer.add("feed", WINDOW, message("feed", 2));
    expect(t.runs).toEqual([]);
    vi.advanceTimersByTime(4);
    expect(t.runs).toEqual([]);
    vi.advanceTimersByTime(1); // 20 ms after the first message, not after the last
    expect(t.seqsOf()).toEqual([["feed#1", "feed#2"]]);
    expect(t.runs[0]!.template).toBe("feed");
    t.coalescer.add("feed", WINDOW, message("feed", 3)); // opens the next window
    vi.advanceTimersByTime(19);
    expect(t.runs).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(t.seqsOf()).toEqual([["feed#1", "feed#2"], ["feed#3"]]);
    expect(t.coalescer.size).toBe(0);
  });

  it("writes at once when maxBatch messages are queued, and the stale timer writes nothing more", () => {
    const t = start();
    for (const seq of [1, 2, 3]) t.coalescer.add("feed", WINDOW, message("feed", seq));
    expect(t.runs).toEqual([]);
    t.coalescer.add("feed", WINDOW, message("feed", 4));
    expect(t.seqsOf()).toEqual([["feed#1", "feed#2", "feed#3", "feed#4"]]);
    t.coalescer.add("feed", WINDOW, message("feed", 5));
    vi.advanceTimersByTime(WINDOW.delayMs);
    expect(t.seqsOf()).toEqual([["feed#1", "feed#2", "feed#3", "feed#4"], ["feed#5"]]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("writes each run in seq order whatever order the stamps came back in", () => {
    const t = start();
    for (const seq of [3, 1, 2]) t.coalescer.add("feed", WINDOW, message("feed", seq));
    vi.advanceTimersByTime(WINDOW.delayMs);
    expect(t.seqsOf()).toEqual([["feed#1", "feed#2", "feed#3"]]);
  });

  it("keeps one window per concrete channel", () => {
    const t = start();
    t.coalescer.add("room.{id}", WINDOW, message("room.a", 1));
    vi.advanceTimersByTime(10);
    t.coalescer.add("room.{id}", WINDOW, message("room.b", 1));
    t.coalescer.add("room.{id}", WINDOW, message("room.a", 2));
    vi.advanceTimersByTime(10);
    expect(t.seqsOf()).toEqual([["room.a#1", "room.a#2"]]);
    vi.advanceTimersByTime(10);
    expect(t.seqsOf()).toEqual([["room.a#1", "room.a#2"], ["room.b#1"]]);
  });

  it("never mixes epochs in one run: a new epoch writes the old run first", () => {
    const t = start();
    t.coalescer.add("feed", WINDOW, message("feed", 7, "e1"));
    t.coalescer.add("feed", WINDOW, message("feed", 1, "e2"));
    expect(t.runs.map((run) => run.messages.map((m) => `${m.epoch}:${m.seq}`))).toEqual([["e1:7"]]);
    vi.advanceTimersByTime(WINDOW.delayMs);
    expect(t.runs.map((run) => run.messages.map((m) => `${m.epoch}:${m.seq}`))).toEqual([["e1:7"], ["e2:1"]]);
  });

  it("flushAll writes every queued message now (shutdown) and leaves no timer behind", () => {
    const t = start();
    t.coalescer.add("feed", WINDOW, message("feed", 1));
    t.coalescer.add("feed", WINDOW, message("feed", 2));
    t.coalescer.add("ticker", WINDOW, message("ticker", 9));
    expect(t.coalescer.size).toBe(3);
    t.coalescer.flushAll();
    expect(t.seqsOf()).toEqual([["feed#1", "feed#2"], ["ticker#9"]]);
    expect(t.coalescer.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("flush(channel) writes that channel's run only", () => {
    const t = start();
    t.coalescer.add("feed", WINDOW, message("feed", 1));
    t.coalescer.add("ticker", WINDOW, message("ticker", 1));
    t.coalescer.flush("feed");
    t.coalescer.flush("nothing-queued");
    expect(t.seqsOf()).toEqual([["feed#1"]]);
    expect(t.coalescer.size).toBe(1);
  });

  it("a write that throws is reported with its run, and later windows still go out", () => {
    const t = start();
    t.failNextWrite();
    t.coalescer.add("feed", WINDOW, message("feed", 1));
    vi.advanceTimersByTime(WINDOW.delayMs);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]!.run.messages.map((m) => m.seq)).toEqual([1]);
    t.coalescer.add("feed", WINDOW, message("feed", 2));
    vi.advanceTimersByTime(WINDOW.delayMs);
    expect(t.seqsOf()).toEqual([["feed#2"]]);
  });
});
