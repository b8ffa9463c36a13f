import { describe, expect, it } from "vitest";
import { ChannelSequenceTracker } from "./channel-sequence-tracker";
import type { RealtimeMessage } from "../protocol/wire-protocol";

const msg = (seq: number, epoch = "e1"): RealtimeMessage => ({ channel: "c", payload: seq, seq, epoch, emittedAt: 0 });
const seqs = (messages: readonly RealtimeMessage[]) => messages.map((m) => m.seq);

describe("ChannelSequenceTracker", () => {
  it("delivers the first message and then consecutive ones", () => {
    const tracker = new ChannelSequenceTracker();
    expect(seqs(tracker.accept(msg(5)).deliver)).toEqual([5]);
    expect(seqs(tracker.accept(msg(6)).deliver)).toEqual([6]);
    expect(tracker.position).toEqual({ seq: 6, epoch: "e1" });
  });

  it("orders a fresh subscription from the ack's start, even when a later seq arrives first", () => {
    const tracker = new ChannelSequenceTracker();
    tracker.startAt({ seq: 4, epoch: "e1" });
    expect(tracker.accept(msg(4)).deliver).toEqual([]);
    expect(tracker.accept(msg(6))).toMatchObject({ deliver: [], gap: true });
    expect(seqs(tracker.accept(msg(5)).deliver)).toEqual([5, 6]);
    tracker.startAt({ seq: 99, epoch: "e1" });
    expect(tracker.position).toEqual({ seq: 6, epoch: "e1" });
  });

  it("takes a different epoch over a start nothing was delivered under, without calling it a reset", () => {
    const tracker = new ChannelSequenceTracker();
    tracker.startAt({ seq: 0, epoch: "shared" });
    expect(tracker.accept(msg(7, "instance-local"))).toMatchObject({ deliver: [{ seq: 7 }], epochChanged: false });
    expect(tracker.accept(msg(1, "later"))).toMatchObject({ epochChanged: true });
  });

  it("drops duplicates and stale messages", () => {
    const tracker = new ChannelSequenceTracker({ seq: 3, epoch: "e1" });
    expect(seqs(tracker.accept(msg(3)).deliver)).toEqual([]);
    expect(seqs(tracker.accept(msg(2)).deliver)).toEqual([]);
    expect(seqs(tracker.accept(msg(4)).deliver)).toEqual([4]);
    expect(seqs(tracker.accept(msg(4)).deliver)).toEqual([]);
  });

  it("buffers across a gap and releases in order once it is filled", () => {
    const tracker = new ChannelSequenceTracker({ seq: 1, epoch: "e1" });
    expect(tracker.accept(msg(4))).toMatchObject({ deliver: [], gap: true });
    expect(tracker.accept(msg(3))).toMatchObject({ deliver: [], gap: true });
    const filled = tracker.accept(msg(2));
    expect(seqs(filled.deliver)).toEqual([2, 3, 4]);
    expect(filled.gap).toBe(false);
  });

  it("skips a hole that will never be filled", () => {
    const tracker = new ChannelSequenceTracker({ seq: 1, epoch: "e1" });
    tracker.accept(msg(5));
    tracker.accept(msg(3));
    expect(seqs(tracker.skipGap())).toEqual([3, 5]);
    expect(tracker.position?.seq).toBe(5);
    expect(seqs(tracker.accept(msg(6)).deliver)).toEqual([6]);
  });

  it("starts over on a new epoch and says so", () => {
    const tracker = new ChannelSequenceTracker({ seq: 40, epoch: "e1" });
    tracker.accept(msg(42));
    const result = tracker.accept(msg(1, "e2"));
    expect(result.epochChanged).toBe(true);
    expect(seqs(result.deliver)).toEqual([1]);
    expect(tracker.hasGap).toBe(false);
  });
});
