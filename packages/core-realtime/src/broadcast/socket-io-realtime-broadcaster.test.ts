import { afterEach, describe, expect, it } from "vitest";
import { contractChannels, describeBroadcasterContract, waitUntil } from "../__tests__/broadcaster-contract";
import { collectMessages, createSocketIOContractHarness, request, startSocketIOTestServer } from "../__tests__/socket-io-harness";
import type { SocketIOTestServer } from "../__tests__/socket-io-harness";

describeBroadcasterContract("SocketIORealtimeBroadcaster", createSocketIOContractHarness());

describe("SocketIORealtimeBroadcaster delivery", () => {
  let t: SocketIOTestServer;
  afterEach(async () => {
    await t.close();
  });

  it("leaves out the excluded socket and counts only the sockets written to", async () => {
    t = await startSocketIOTestServer();
    const a = await t.connect();
    const b = await t.connect();
    const aReceived = collectMessages(a);
    const bReceived = collectMessages(b);
    for (const client of [a, b]) await request(client, "realtime:subscribe", { channel: "contract.feed" });

    const receipt = await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 1 }, { exceptSocketId: a.id });
    expect(receipt.delivered).toBe(1);
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 2 });
    await waitUntil(() => aReceived.length === 1 && bReceived.length === 2);
    expect(aReceived.map((m) => m.payload)).toEqual([{ n: 2 }]);
    expect(bReceived.map((m) => m.payload)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("stamps local broadcasts from a per-instance sequence", async () => {
    t = await startSocketIOTestServer();
    const a = await t.connect();
    const received = collectMessages(a);
    await request(a, "realtime:subscribe", { channel: "contract.feed" });
    await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 1 });
    const local = await t.broadcaster.broadcast(contractChannels.feed, {}, { n: 2 }, { local: true });
    expect(local.delivered).toBe(1);
    await waitUntil(() => received.length === 2);
    expect(received[1]).toMatchObject({ payload: { n: 2 }, seq: 1 });
    expect(received[1]!.epoch).not.toBe(received[0]!.epoch);
  });

  it("reports the broadcast to metrics with the channel template", async () => {
    t = await startSocketIOTestServer();
    const a = await t.connect({ token: "alice" }).catch(() => null);
    expect(a).toBeNull(); // unknown token: refused, so nobody is subscribed
    await t.broadcaster.broadcast(contractChannels.inbox, { userId: "alice" }, { n: 1 });
    expect(t.metrics.snapshot()).toMatchObject({ messagesBroadcastTotal: 1, messagesDeliveredTotal: 0 });
  });
});
