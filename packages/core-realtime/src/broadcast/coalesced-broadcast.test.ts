import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createMetricsRegistry, createRealtimeMetrics } from "@repo/core-observability";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import type { RealtimeMessage } from "../protocol/wire-protocol";
import type { BroadcastOptions } from "./realtime-broadcaster";
import { RealtimeBroadcasterBase } from "./realtime-broadcaster-base";

const DELAY_MS = 25;
const coalesced = defineRealtimeChannel({
  name: "ticker.{market}",
  scope: "public",
  schema: z.object({ n: z.number() }),
  history: { size: 100, ttlSeconds: 60 },
  coalesce: { delayMs: DELAY_MS, maxBatch: 4 },
});
const plain = defineRealtimeChannel({ name: "plain", scope: "public", schema: z.object({ n: z.number() }) });

/** What a transport was asked to write, frame by frame. */
type Frame = { readonly kind: "single"; readonly seq: number; readonly except?: string } | { readonly kind: "batch"; readonly seqs: readonly number[] };

/** Gate 4 over a transport that records frames; three sockets in every room. */
class FrameRecordingBroadcaster extends RealtimeBroadcasterBase {
  readonly frames: Frame[] = [];

  protected deliver(message: RealtimeMessage, options: BroadcastOptions): number {
    this.frames.push(options.exceptSocketId === undefined ? { kind: "single", seq: message.seq } : { kind: "single", seq: message.seq, except: options.exceptSocketId });
    return 3;
  }

  protected override deliverBatch(messages: readonly [RealtimeMessage, ...RealtimeMessage[]]): number {
    this.frames.push({ kind: "batch", seqs: messages.map((m) => m.seq) });
    return 3;
  }

  protected localSubscribers(): number {
    return 3;
  }
}

function start() {
  const metrics = createRealtimeMetrics(createMetricsRegistry());
  const broadcaster = new FrameRecordingBroadcaster({ metrics });
  const source = broadcaster.sources.allow({ kind: "use-case", name: "test.ticker" });
  const tick = (n: number, options?: BroadcastOptions) => broadcaster.broadcast(coalesced, { market: "eur" }, { n }, { ...options, source });
  return { broadcaster, metrics, tick, source };
}

describe("gate 4 on a coalescing channel (fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("stamps and stores each message when published, answers at once, and writes one frame in seq order when the window closes", async () => {
    const t = start();
    const receipts = await Promise.all([t.tick(1), t.tick(2), t.tick(3)]);
    expect(receipts.map((r) => [r.seq, r.delivered])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(t.broadcaster.frames).toEqual([]);
    const history = await t.broadcaster.channelLog.readSince("ticker.eur", 0, undefined);
    expect(history.recovered && history.messages.map((m) => [m.seq, m.payload, m.id])).toEqual([
      [1, { n: 1 }, receipts[0].messageId],
      [2, { n: 2 }, receipts[1].messageId],
      [3, { n: 3 }, receipts[2].messageId],
    ]);
    await vi.advanceTimersByTimeAsync(DELAY_MS);
    expect(t.broadcaster.frames).toEqual([{ kind: "batch", seqs: [1, 2, 3] }]);
    expect(t.metrics.snapshot()).toMatchObject({ messagesBroadcastTotal: 3, messagesDeliveredTotal: 9 });
    // A coalesced run is counted under the source of each of its messages.
    expect(t.metrics.snapshot().messagesDeliveredBySource).toEqual({ "use-case:test.ticker": 9 });
  });

  it("validates every message against the schema: a bad one is refused and takes no seq", async () => {
    const t = start();
    await t.tick(1);
    await expect(t.broadcaster.broadcast(coalesced, { market: "eur" }, { n: "two" } as never, { source: t.source })).rejects.toMatchObject({ code: "INVALID_PAYLOAD" });
    await expect(t.broadcaster.broadcast(coalesced, { market: "x.y" }, { n: 2 }, { source: t.source })).rejects.toBeInstanceOf(RealtimeError);
    await t.tick(3);
    await vi.advanceTimersByTimeAsync(DELAY_MS);
    expect(t.broadcaster.frames).toEqual([{ kind: "batch", seqs: [1, 2] }]);
  });

  it("writes a full frame at maxBatch without waiting, and a lone message as an ordinary frame", async () => {
    const t = start();
    await Promise.all([1, 2, 3, 4, 5].map((n) => t.tick(n)));
    expect(t.broadcaster.frames).toEqual([{ kind: "batch", seqs: [1, 2, 3, 4] }]);
    await vi.advanceTimersByTimeAsync(DELAY_MS);
    expect(t.broadcaster.frames).toEqual([
      { kind: "batch", seqs: [1, 2, 3, 4] },
      { kind: "single", seq: 5 },
    ]);
  });

  it("the server API's batch publish fills frames the same way", async () => {
    const t = start();
    const receipts = await t.broadcaster.broadcastBatch(coalesced, { market: "eur" }, [1, 2, 3, 4, 5, 6].map((n) => ({ n })), { source: t.source });
    expect(receipts.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    await vi.advanceTimersByTimeAsync(DELAY_MS);
    expect(t.broadcaster.frames).toEqual([
      { kind: "batch", seqs: [1, 2, 3, 4] },
      { kind: "batch", seqs: [5, 6] },
    ]);
  });

  it("a message for another audience (exceptSocketId, local) writes what is queued first, then goes alone", async () => {
    const t = start();
    await t.tick(1);
    await t.tick(2);
    await t.tick(3, { exceptSocketId: "s1" });
    await t.tick(4);
    await t.tick(5, { local: true });
    expect(t.broadcaster.frames).toEqual([
      { kind: "batch", seqs: [1, 2] },
      { kind: "single", seq: 3, except: "s1" },
      { kind: "single", seq: 4 },
      { kind: "single", seq: 1 }, // local: this instance's own epoch
    ]);
    await vi.advanceTimersByTimeAsync(DELAY_MS);
    expect(t.broadcaster.frames).toHaveLength(4);
  });

  it("stopCoalescing (shutdown) writes what is held now and every later message at once", async () => {
    const t = start();
    await t.tick(1);
    await t.tick(2);
    t.broadcaster.stopCoalescing();
    expect(t.broadcaster.frames).toEqual([{ kind: "batch", seqs: [1, 2] }]);
    await t.tick(3);
    expect(t.broadcaster.frames).toEqual([
      { kind: "batch", seqs: [1, 2] },
      { kind: "single", seq: 3 },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a channel that does not opt in is written at once, one frame per message, with no timer", async () => {
    const t = start();
    await t.broadcaster.broadcast(plain, {}, { n: 1 }, { source: t.source });
    await t.broadcaster.broadcast(plain, {}, { n: 2 }, { source: t.source });
    expect(t.broadcaster.frames).toEqual([
      { kind: "single", seq: 1 },
      { kind: "single", seq: 2 },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
