import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { contractChannels, contractRegistry, waitUntil } from "../__tests__/broadcaster-contract";
import { request, startSocketIOTestServer } from "../__tests__/socket-io-harness";
import type { RealtimeTestClient, SocketIOTestServer } from "../__tests__/socket-io-harness";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { createRealtimeClient } from "../client/create-realtime-client";
import { memoryPositionStore } from "../client/position-store";
import type { RealtimeClient } from "../client/realtime-client";
import type { RealtimeMessage, RealtimeMessageBatch } from "../protocol/wire-protocol";

/** Real sockets on a loaded machine: a bound for conditions that never hold, never a timing assertion. */
const WAIT_MS = 30_000;
const N = 5;

/** A full frame goes out at `maxBatch`, so the frame count does not depend on timing. */
const fullFrames = defineRealtimeChannel({ name: "coalesce.full", scope: "public", schema: z.object({ n: z.number() }), coalesce: { delayMs: 1_000, maxBatch: N } });
/** Short window, big batch: the timer closes it. */
const windowed = defineRealtimeChannel({ name: "coalesce.windowed", scope: "public", schema: z.object({ n: z.number() }), history: { size: 50, ttlSeconds: 60 }, coalesce: { delayMs: 30, maxBatch: 100 } });

/** Every event frame a raw client receives, in arrival order. */
function recordFrames(client: RealtimeTestClient): { readonly event: string; readonly body: unknown }[] {
  const frames: { event: string; body: unknown }[] = [];
  client.onAny((event: string, body: unknown) => frames.push({ event, body }));
  return frames;
}

describe("coalescing over real sockets", () => {
  let t: SocketIOTestServer;
  const sdkClients: RealtimeClient[] = [];
  afterEach(async () => {
    sdkClients.splice(0).forEach((client) => client.close());
    await t.close();
  });

  async function serve(): Promise<SocketIOTestServer> {
    const registry = contractRegistry();
    registry.registerChannel(fullFrames);
    registry.registerChannel(windowed);
    t = await startSocketIOTestServer({ registry });
    return t;
  }

  it("writes N messages published within the window as one frame per subscriber, in seq order; a plain channel is unchanged", async () => {
    await serve();
    const subscribers = await Promise.all([t.connect(), t.connect(), t.connect()]);
    const frames = subscribers.map(recordFrames);
    for (const client of subscribers) {
      expect(await request(client, "realtime:subscribe", { channel: "coalesce.full" })).toMatchObject({ ok: true });
      expect(await request(client, "realtime:subscribe", { channel: "contract.feed" })).toMatchObject({ ok: true });
    }

    const receipts = await Promise.all(Array.from({ length: N }, (_, n) => t.broadcaster.broadcast(fullFrames, {}, { n })));
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 100 });
    await waitUntil(() => frames.every((list) => list.length === 2), WAIT_MS);

    for (const list of frames) {
      expect(list.map((frame) => frame.event)).toEqual(["realtime:message-batch", "realtime:message"]);
      const batch = list[0]!.body as RealtimeMessageBatch;
      expect(batch.channel).toBe("coalesce.full");
      expect(batch.epoch).toBe(receipts[0]!.epoch);
      expect(batch.messages).toEqual(receipts.map((receipt, n) => ({ seq: receipt.seq, emittedAt: receipt.emittedAt, id: receipt.messageId, payload: { n } })));
      expect(batch.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
      // The channel that did not opt in: the ADR-018 envelope, field for field.
      const single = list[1]!.body as RealtimeMessage;
      expect(Object.keys(single).sort()).toEqual(["channel", "emittedAt", "epoch", "id", "payload", "seq"]);
      expect(single).toMatchObject({ channel: "contract.feed", payload: { n: 100 }, seq: 1 });
    }
    expect(t.metrics.snapshot()).toMatchObject({ messagesBroadcastTotal: N + 1, messagesDeliveredTotal: 3 * (N + 1) });
  });

  it("the bundled client unpacks window-closed frames into the application's messages, in order", async () => {
    await serve();
    const client = createRealtimeClient({ url: t.url, transports: ["websocket"], positionStore: memoryPositionStore() });
    sdkClients.push(client);
    const seen: number[] = [];
    let subscribed = false;
    client.subscribe(windowed, {}, (payload) => seen.push(payload.n), { onSubscribed: () => (subscribed = true) });
    await waitUntil(() => subscribed, WAIT_MS);

    await Promise.all([1, 2, 3].map((n) => t.broadcaster.broadcast(windowed, {}, { n })));
    await waitUntil(() => seen.length === 3, WAIT_MS);
    await Promise.all([4, 5].map((n) => t.broadcaster.broadcast(windowed, {}, { n })));
    await waitUntil(() => seen.length === 5, WAIT_MS);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it("shutdown writes what is still in its window before the sockets close", async () => {
    await serve();
    const client = await t.connect();
    const frames = recordFrames(client);
    expect(await request(client, "realtime:subscribe", { channel: "coalesce.full" })).toMatchObject({ ok: true });
    await Promise.all([1, 2].map((n) => t.broadcaster.broadcast(fullFrames, {}, { n }))); // the window is 1 s, the batch not full
    expect(frames).toEqual([]);
    await t.server.close({ drainTimeoutMs: 5_000 });
    await waitUntil(() => frames.some((frame) => frame.event === "realtime:message-batch"), WAIT_MS);
    // The draining notice comes first; then the held frame, before the transport closed.
    expect(frames.map((frame) => frame.event)).toEqual(["realtime:status", "realtime:message-batch"]);
    expect((frames[1]!.body as RealtimeMessageBatch).messages.map((m) => m.payload)).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
