import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { memoryPositionStore } from "./position-store";
import { RealtimeClient } from "./realtime-client";
import type { RealtimeRequestEvent, RealtimeTransport, RealtimeTransportEvents } from "./realtime-transport";
import type { RealtimeMessage } from "../protocol/wire-protocol";

const feedChannel = defineRealtimeChannel({ name: "feed", scope: "public", schema: z.object({ n: z.number() }), history: { size: 10, ttlSeconds: 60 } });

/** A transport the test drives by hand: it answers subscribes with `nextAck` and pushes server events on demand. */
function scriptedTransport() {
  const listeners = new Map<keyof RealtimeTransportEvents, ((...args: never[]) => void)[]>();
  const frames: { event: RealtimeRequestEvent; frame: object }[] = [];
  let connected = true;
  let beforeAck: () => void = () => undefined;
  const transport: RealtimeTransport = {
    get connected() {
      return connected;
    },
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    request(event, frame) {
      frames.push({ event, frame });
      // What the server writes before its ack (a replay) reaches the client first.
      beforeAck();
      beforeAck = () => undefined;
      const since = (frame as { since?: number }).since;
      return Promise.resolve(since === undefined ? { ok: true, channel: "feed", seq: 0, epoch: "e1" } : { ok: true, channel: "feed", recovered: true, seq: since, epoch: "e1" });
    },
    connect: () => undefined,
    disconnect: () => undefined,
  };
  const fire = <E extends keyof RealtimeTransportEvents>(event: E, ...args: Parameters<RealtimeTransportEvents[E]>) => {
    for (const listener of listeners.get(event) ?? []) (listener as (...a: Parameters<RealtimeTransportEvents[E]>) => void)(...args);
  };
  return {
    transport,
    frames,
    message: (seq: number, id: string | undefined, n: number) => {
      const message: RealtimeMessage = id === undefined ? { channel: "feed", payload: { n }, seq, epoch: "e1", emittedAt: 0 } : { channel: "feed", payload: { n }, seq, epoch: "e1", emittedAt: 0, id };
      fire("message", message);
    },
    reconnect: (replay: () => void) => {
      connected = false;
      fire("disconnect", "transport close");
      connected = true;
      beforeAck = replay;
      fire("connect");
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("RealtimeClient drops a message id it already applied", () => {
  it("applies a redelivered id once, under a new seq, across a reconnect and a recovery replay, keeping seq order", async () => {
    const wire = scriptedTransport();
    const client = new RealtimeClient({ transport: wire.transport, positionStore: memoryPositionStore() });
    const seen: number[] = [];
    client.subscribe(feedChannel, {}, (payload) => seen.push(payload.n));
    await settle();

    wire.message(1, "m1", 1);
    wire.message(2, "m1", 1); // the relay delivered m1 again (its first claim rolled back)
    wire.message(3, "m2", 2);
    expect(seen).toEqual([1, 2]);

    // Reconnect: the client resubscribes with since=3; the replay repeats m2 by seq and m1 by id under seq 4.
    wire.reconnect(() => {
      wire.message(3, "m2", 2);
      wire.message(4, "m1", 1);
      wire.message(5, "m3", 3);
    });
    await settle();
    wire.message(6, undefined, 4); // an older server's message without an id is delivered as before
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(wire.frames.filter((f) => f.event === "realtime:subscribe").map((f) => f.frame)).toEqual([{ channel: "feed" }, { channel: "feed", since: 3, epoch: "e1" }]);
    client.close();
  });

  it("remembers only the configured number of ids", async () => {
    const wire = scriptedTransport();
    const client = new RealtimeClient({ transport: wire.transport, positionStore: memoryPositionStore(), appliedMessageIds: 2 });
    const seen: number[] = [];
    client.subscribe(feedChannel, {}, (payload) => seen.push(payload.n));
    await settle();
    wire.message(1, "a", 1);
    wire.message(2, "b", 2);
    wire.message(3, "c", 3);
    wire.message(4, "a", 1); // "a" was forgotten: a redelivery this late is applied again
    expect(seen).toEqual([1, 2, 3, 1]);
    client.close();
  });
});
