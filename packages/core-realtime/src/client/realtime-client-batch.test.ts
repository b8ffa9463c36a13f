import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { FakeRealtimeTransport, wireBatch, wireMessage } from "../__tests__/fake-realtime-transport";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import type { RealtimeMessage } from "../protocol/wire-protocol";
import { memoryPositionStore } from "./position-store";
import { RealtimeClient } from "./realtime-client";

const ticker = defineRealtimeChannel({
  name: "ticker",
  scope: "public",
  schema: z.object({ n: z.number() }),
  history: { size: 50, ttlSeconds: 60 },
  coalesce: { delayMs: 20, maxBatch: 64 },
});
const GAP_MS = 1_000;

function start() {
  const wire = new FakeRealtimeTransport();
  const positions = memoryPositionStore();
  const client = new RealtimeClient({ transport: wire, positionStore: positions, gapTimeoutMs: GAP_MS });
  const seen: number[] = [];
  const envelopes: RealtimeMessage[] = [];
  const recovered: boolean[] = [];
  client.subscribe(
    ticker,
    {},
    (payload, message) => {
      seen.push(payload.n);
      envelopes.push(message);
    },
    { onRecovered: (value) => recovered.push(value) },
  );
  const message = (seq: number, id = `m${seq}`) => wireMessage("ticker", seq, { n: seq }, { id });
  const batch = (...seqs: number[]) => {
    const [first, ...rest] = seqs.map((seq) => message(seq));
    if (first === undefined) throw new Error("a batch carries at least one message");
    wire.fire("messageBatch", wireBatch(first, ...rest));
  };
  return { wire, positions, seen, envelopes, recovered, message, batch };
}

describe("RealtimeClient with coalesced frames (fake transport)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("unpacks a batch into ordinary envelopes, delivered one by one in seq order, and moves the position", async () => {
    const t = start();
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "ticker", seq: 0, epoch: "e1" });
    t.batch(1, 2, 3);
    t.wire.fire("message", t.message(4));
    expect(t.seen).toEqual([1, 2, 3, 4]);
    expect(t.envelopes[1]).toEqual({ channel: "ticker", payload: { n: 2 }, seq: 2, epoch: "e1", emittedAt: 0, id: "m2" });
    expect(t.positions.load("ticker")).toEqual({ seq: 4, epoch: "e1" });
  });

  it("holds a batch that arrives before the subscribe ack like single messages, and drops what the ack already counts", async () => {
    const t = start();
    t.batch(5, 6, 7);
    expect(t.seen).toEqual([]);
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "ticker", seq: 5, epoch: "e1" });
    expect(t.seen).toEqual([6, 7]);
  });

  it("a gap inside a batch asks for the same replay as a gap between single messages", async () => {
    const t = start();
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "ticker", seq: 0, epoch: "e1" });
    t.batch(1, 2, 4, 5);
    expect(t.seen).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(GAP_MS);
    expect(t.wire.sent("realtime:subscribe").at(-1)).toEqual({ channel: "ticker", since: 2, epoch: "e1" });
    t.wire.fire("message", t.message(3)); // the replay: history returns ordinary envelopes
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "ticker", recovered: true, seq: 5, epoch: "e1" });
    expect(t.seen).toEqual([1, 2, 3, 4, 5]);
    expect(t.recovered).toEqual([true]);
  });

  it("a gap between two batches is filled by a replay batch too", async () => {
    const t = start();
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "ticker", seq: 0, epoch: "e1" });
    t.batch(1, 2);
    t.batch(5, 6);
    t.batch(3, 4);
    expect(t.seen).toEqual([1, 2, 3, 4, 5, 6]);
    await vi.advanceTimersByTimeAsync(10 * GAP_MS);
    expect(t.wire.sent("realtime:subscribe")).toHaveLength(1);
  });

  it("drops duplicates: a seq seen already, and an id applied already under another seq (outbox redelivery)", async () => {
    const t = start();
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "ticker", seq: 0, epoch: "e1" });
    t.batch(1, 2);
    t.batch(2, 3);
    const redelivered = t.message(4, "m3");
    t.wire.fire("messageBatch", wireBatch(redelivered, t.message(5)));
    expect(t.seen).toEqual([1, 2, 3, 5]);
    expect(t.positions.load("ticker")).toEqual({ seq: 5, epoch: "e1" });
  });

  it("ignores a batch for a channel it is not subscribed to, and malformed entries inside one", async () => {
    const t = start();
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "ticker", seq: 0, epoch: "e1" });
    t.wire.fire("messageBatch", wireBatch(wireMessage("other", 1, { n: 99 })));
    t.wire.fire("messageBatch", { channel: "ticker", epoch: "e1", messages: [null, { seq: 1, emittedAt: 0, payload: { n: 1 } }] } as never);
    t.wire.fire("messageBatch", { channel: "ticker", epoch: "e1", messages: "nonsense" } as never);
    expect(t.seen).toEqual([1]);
  });
});
