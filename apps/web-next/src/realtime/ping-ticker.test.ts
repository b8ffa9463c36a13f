import { createLogCapture } from "@repo/core-observability/testing";
import { InMemoryRealtimeBroadcaster, withBroadcastSource } from "@repo/core-realtime/server";
import { describe, expect, it } from "vitest";
import { startPingTicker } from "./ping-ticker";
import { realtimePingChannel } from "./realtime-ping.channel";

describe("startPingTicker", () => {
  it("broadcasts the server time and instance id on realtime-ping until stopped", async () => {
    const broadcaster = new InMemoryRealtimeBroadcaster();
    const connection = broadcaster.connect(null);
    connection.subscribe(realtimePingChannel, {});
    const ticker = withBroadcastSource(broadcaster, broadcaster.sources.allow({ kind: "app", name: "ping-ticker" }));
    const stop = startPingTicker({ broadcaster: ticker, instanceId: "i-1", intervalMs: 20, logger: createLogCapture().logger, now: () => 42 });
    await new Promise((resolve) => setTimeout(resolve, 110));
    stop();
    const received = connection.payloadsOn("realtime-ping");
    expect(received.length).toBeGreaterThanOrEqual(3);
    expect(received[0]).toEqual({ serverTime: 42, instanceId: "i-1" });
    const countAfterStop = received.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(connection.payloadsOn("realtime-ping")).toHaveLength(countAfterStop);
  });
});
