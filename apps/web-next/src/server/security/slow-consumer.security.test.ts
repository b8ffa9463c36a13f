import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../__tests__/test-server";
import { connectPacket, openRawWebSocket } from "./raw-websocket";
import { securityChannels, startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = new RegExp(`^${name} (\\d+)$`, "m").exec(text);
  return Number(match?.[1] ?? Number.NaN);
}

describe("security: a client that stops reading (slow consumer) against the real app server", () => {
  let sec: SecurityServer;

  beforeAll(async () => {
    sec = await startSecurityServer();
  });
  afterAll(async () => {
    await sec.close();
  });

  it("is disconnected and counted once its backlog passes the bound, while a healthy subscriber keeps up", async () => {
    const stalled = await openRawWebSocket(sec.server.url);
    await stalled.waitForText((text) => text.startsWith("0{"));
    stalled.sendText(connectPacket());
    await stalled.waitForText((text) => text.startsWith("40"));
    stalled.sendText('421["realtime:subscribe",{"channel":"sec.public"}]');
    await stalled.waitForText((text) => text.startsWith("431["));
    const healthy = await sec.connect();
    expect(await healthy.subscribe("sec.public")).toMatchObject({ ok: true });
    const before = await metric(sec.server.url, "realtime_slow_consumer_disconnects_total");
    const baseline = sec.server.realtimeServer.connectedSockets();

    stalled.pauseReading();
    const big = "x".repeat(32 * 1024);
    let sent = 0;
    // Bounded by time, not count: how much the kernel's socket buffers absorb depends on the machine.
    const deadline = Date.now() + 60_000;
    while (sec.server.realtimeServer.connectedSockets() === baseline && Date.now() < deadline) {
      await sec.broadcaster.broadcast(securityChannels.public, {}, { sentinel: `${sent++}${big}` });
      // Small bursts, then yield: the healthy client (same process) drains between them.
      if (sent % 8 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(sec.server.realtimeServer.connectedSockets()).toBe(baseline - 1);
    expect(await metric(sec.server.url, "realtime_slow_consumer_disconnects_total")).toBe(before + 1);
    expect(sec.server.logs.entries().some((entry) => entry.msg === "realtime_slow_consumer_disconnected")).toBe(true);
    await waitFor(() => healthy.messages.length === sent, 30_000, "healthy subscriber received everything");
    expect(healthy.socket.connected).toBe(true);
    stalled.destroy();
    healthy.close();
  }, 120_000);
});
