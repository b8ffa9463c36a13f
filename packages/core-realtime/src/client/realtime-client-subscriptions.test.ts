import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { FakeRealtimeTransport, flushMicrotasks, wireMessage } from "../__tests__/fake-realtime-transport";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import type { RealtimeErrorBody } from "../protocol/errors";
import { memoryPositionStore } from "./position-store";
import type { PositionStore } from "./position-store";
import { RealtimeClient } from "./realtime-client";

const withHistory = defineRealtimeChannel({ name: "feed", scope: "public", schema: z.object({ n: z.number() }), history: { size: 10, ttlSeconds: 60 } });
const noHistory = defineRealtimeChannel({ name: "ticker", scope: "public", schema: z.object({ n: z.number() }) });
const GAP_MS = 1_000;

function start(options: { readonly positions?: PositionStore } = {}) {
  const wire = new FakeRealtimeTransport();
  const positions = options.positions ?? memoryPositionStore();
  const client = new RealtimeClient({ transport: wire, positionStore: positions, gapTimeoutMs: GAP_MS });
  const seen: number[] = [];
  const errors: RealtimeErrorBody[] = [];
  const recovered: boolean[] = [];
  let subscribed = 0;
  const listen = (channel: typeof withHistory | typeof noHistory) =>
    client.subscribe(channel, {}, (payload) => seen.push(payload.n), {
      onError: (error) => errors.push(error),
      onRecovered: (value) => recovered.push(value),
      onSubscribed: () => (subscribed += 1),
    });
  return { wire, client, positions, seen, errors, recovered, listen, subscribedCount: () => subscribed };
}

const send = (wire: FakeRealtimeTransport, channel: string, ...seqs: number[]) => {
  for (const seq of seqs) wire.fire("message", wireMessage(channel, seq, { n: seq }));
};

describe("RealtimeClient subscriptions (fake transport)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("holds messages until the first ack says where the subscription starts, then delivers the later ones in seq order", async () => {
    const t = start();
    t.listen(withHistory);
    expect(t.wire.sent("realtime:subscribe")).toEqual([{ channel: "feed" }]);
    send(t.wire, "feed", 7, 5, 6); // arrived before the ack, out of order, one already counted in the ack's seq
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", seq: 5, epoch: "e1" });
    send(t.wire, "feed", 8);
    expect(t.seen).toEqual([6, 7, 8]);
    expect(t.subscribedCount()).toBe(1);
  });

  it.each([
    ["not an object", "nonsense"],
    ["no ok field", { channel: "feed", seq: 1 }],
    ["a refusal without its error", { ok: false }],
    ["a seq of the wrong type", { ok: true, channel: "feed", seq: "1", epoch: "e1" }],
  ])("a malformed subscribe ack (%s) releases the held messages and lets later ones through", async (_label, ack) => {
    const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined);
    const t = start();
    t.listen(withHistory);
    send(t.wire, "feed", 1);
    await t.wire.answer("realtime:subscribe", ack);
    send(t.wire, "feed", 2, 3);
    expect(t.seen).toEqual([1, 2, 3]);
    expect(t.subscribedCount()).toBe(0);
    expect(debug).toHaveBeenCalledWith("realtime: subscribe to feed not acknowledged", expect.objectContaining({ code: "INVALID_FRAME" }));
    debug.mockRestore();
  });

  it("a refused subscription reports the server's error and stops delivering", async () => {
    const t = start();
    t.listen(withHistory);
    await t.wire.answer("realtime:subscribe", { ok: false, error: { code: "FORBIDDEN", message: "no" } });
    send(t.wire, "feed", 1);
    expect(t.errors).toEqual([{ code: "FORBIDDEN", message: "no" }]);
    expect(t.seen).toEqual([]);
  });

  it("resubscribes after a reconnect from the last delivered position and reports the recovery", async () => {
    const t = start();
    t.listen(withHistory);
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", seq: 0, epoch: "e1" });
    send(t.wire, "feed", 1, 2);
    t.wire.drop();
    t.wire.open();
    expect(t.wire.sent("realtime:subscribe").at(-1)).toEqual({ channel: "feed", since: 2, epoch: "e1" });
    send(t.wire, "feed", 3); // the replay is written before the ack
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", recovered: true, seq: 3, epoch: "e1" });
    expect(t.seen).toEqual([1, 2, 3]);
    expect(t.recovered).toEqual([true]);
    expect(t.subscribedCount()).toBe(2);
  });

  it("when replay is impossible it reports recovered=false and restarts from the server's position", async () => {
    const t = start();
    t.listen(withHistory);
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", seq: 0, epoch: "e1" });
    send(t.wire, "feed", 1);
    t.wire.drop();
    t.wire.open();
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", recovered: false, seq: 40, epoch: "e1" });
    send(t.wire, "feed", 39, 41);
    expect(t.seen).toEqual([1, 41]);
    expect(t.recovered).toEqual([false]);
    expect(t.positions.load("feed")).toEqual({ seq: 41, epoch: "e1" });
  });

  it("a stored position survives a new client (a reload) and is sent with the first subscribe", () => {
    const positions = memoryPositionStore();
    positions.save("feed", { seq: 9, epoch: "e2" });
    const t = start({ positions });
    t.listen(withHistory);
    expect(t.wire.sent("realtime:subscribe")).toEqual([{ channel: "feed", since: 9, epoch: "e2" }]);
  });

  it("fills a gap on a channel with history by resubscribing from the last delivered seq", async () => {
    const t = start();
    t.listen(withHistory);
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", seq: 0, epoch: "e1" });
    send(t.wire, "feed", 1, 3);
    expect(t.seen).toEqual([1]);
    await vi.advanceTimersByTimeAsync(GAP_MS - 1);
    expect(t.wire.sent("realtime:subscribe")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.wire.sent("realtime:subscribe").at(-1)).toEqual({ channel: "feed", since: 1, epoch: "e1" });
    send(t.wire, "feed", 2); // the replay
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", recovered: true, seq: 3, epoch: "e1" });
    expect(t.seen).toEqual([1, 2, 3]);
    await vi.advanceTimersByTimeAsync(10 * GAP_MS);
    expect(t.wire.sent("realtime:subscribe")).toHaveLength(2);
  });

  it("moves past a gap the replay did not fill once the replay deadline passes", async () => {
    const t = start();
    t.listen(withHistory);
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", seq: 0, epoch: "e1" });
    send(t.wire, "feed", 1, 4);
    await vi.advanceTimersByTimeAsync(GAP_MS); // asks for the replay; no answer comes
    expect(t.seen).toEqual([1]);
    await vi.advanceTimersByTimeAsync(GAP_MS);
    expect(t.seen).toEqual([1, 4]);
  });

  it("moves past a gap after the timeout on a channel without history", async () => {
    const t = start();
    t.listen(noHistory);
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "ticker", seq: 0, epoch: "e1" });
    send(t.wire, "ticker", 1, 3, 4);
    await vi.advanceTimersByTimeAsync(GAP_MS);
    expect(t.seen).toEqual([1, 3, 4]);
    expect(t.wire.sent("realtime:subscribe")).toHaveLength(1);
  });

  it("an epoch change delivers the new message and tells the app to reload", async () => {
    const t = start();
    t.listen(withHistory);
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", seq: 0, epoch: "e1" });
    send(t.wire, "feed", 1);
    t.wire.fire("message", wireMessage("feed", 1, { n: 100 }, { epoch: "e2" }));
    expect(t.seen).toEqual([1, 100]);
    expect(t.recovered).toEqual([false]);
  });

  it("a forced unsubscribe reports the error, stops delivery, and a new subscribe starts over", async () => {
    const t = start();
    t.listen(withHistory);
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", seq: 0, epoch: "e1" });
    send(t.wire, "feed", 1);
    t.wire.fire("unsubscribed", { channel: "feed", error: { code: "FORBIDDEN", message: "roles changed" } });
    send(t.wire, "feed", 2);
    expect(t.seen).toEqual([1]);
    expect(t.errors).toEqual([{ code: "FORBIDDEN", message: "roles changed" }]);
    t.wire.drop();
    t.wire.open();
    expect(t.wire.sent("realtime:subscribe")).toHaveLength(1);
    t.listen(withHistory);
    expect(t.wire.sent("realtime:subscribe").at(-1)).toEqual({ channel: "feed", since: 1, epoch: "e1" });
  });

  it("shares one subscription between listeners and unsubscribes when the last one leaves", async () => {
    const t = start();
    const first = t.listen(withHistory);
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", seq: 0, epoch: "e1" });
    const second = t.listen(withHistory);
    await flushMicrotasks();
    expect(t.subscribedCount()).toBe(2); // the late listener hears that the channel is live
    send(t.wire, "feed", 1);
    expect(t.seen).toEqual([1, 1]);
    first();
    expect(t.wire.sent("realtime:unsubscribe")).toEqual([]);
    second();
    expect(t.wire.sent("realtime:unsubscribe")).toEqual([{ channel: "feed" }]);
    send(t.wire, "feed", 2);
    expect(t.seen).toEqual([1, 1]);
  });

  it("ignores a late ack for a subscription that was dropped meanwhile", async () => {
    const t = start();
    const stop = t.listen(withHistory);
    stop();
    await t.wire.answer("realtime:subscribe", { ok: true, channel: "feed", seq: 0, epoch: "e1" });
    send(t.wire, "feed", 1);
    expect(t.seen).toEqual([]);
    expect(t.subscribedCount()).toBe(0);
  });

  it("reports invalid params through onError without sending anything", () => {
    const wire = new FakeRealtimeTransport();
    const client = new RealtimeClient({ transport: wire, positionStore: memoryPositionStore() });
    const room = defineRealtimeChannel({ name: "room.{roomId}", scope: "public", schema: z.object({}) });
    const errors: RealtimeErrorBody[] = [];
    client.subscribe(room, { roomId: "not valid!" }, () => undefined, { onError: (error) => errors.push(error) });
    expect(errors.map((error) => error.code)).toEqual(["INVALID_PARAMS"]);
    expect(wire.requests).toEqual([]);
  });
});
