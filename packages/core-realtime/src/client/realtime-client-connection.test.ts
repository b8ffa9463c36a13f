import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeRealtimeTransport } from "../__tests__/fake-realtime-transport";
import { memoryPositionStore } from "./position-store";
import { RealtimeClient } from "./realtime-client";
import type { RealtimeConnectionStatus } from "./realtime-client";
import { MAX_RECONNECT_DELAY_MS } from "./reconnect-backoff";

const BASE_MS = 1_000;

function start() {
  const wire = new FakeRealtimeTransport({ connected: false });
  const client = new RealtimeClient({ transport: wire, positionStore: memoryPositionStore(), retryDelayMs: BASE_MS });
  const statuses: RealtimeConnectionStatus[] = [];
  client.onStatus((status) => statuses.push(status));
  return { wire, client, statuses };
}

/** Ms from now until the next `connect()` call, up to `limit`. */
async function msUntilConnect(wire: FakeRealtimeTransport, limit = 2 * MAX_RECONNECT_DELAY_MS): Promise<number | undefined> {
  const before = wire.connectCalls;
  for (let waited = 0; waited <= limit; waited += 100) {
    if (wire.connectCalls > before) return waited;
    await vi.advanceTimersByTimeAsync(100);
  }
  return undefined;
}

describe("RealtimeClient connection (fake transport, fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("retries a refused handshake with a doubling delay capped at 30 s", async () => {
    const { wire } = start();
    const delays: (number | undefined)[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      wire.fire("connectError", { code: "UNAUTHENTICATED", message: "token expired" });
      delays.push(await msUntilConnect(wire));
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it("starts over at the base delay once a connection succeeds", async () => {
    const { wire } = start();
    wire.fire("connectError", { code: "UNAUTHENTICATED", message: "no" });
    await msUntilConnect(wire);
    wire.fire("connectError", { code: "UNAUTHENTICATED", message: "no" });
    expect(await msUntilConnect(wire)).toBe(2_000);
    wire.open();
    wire.drop("io server disconnect"); // the server closed it (logout, drain): Socket.IO does not come back by itself
    expect(await msUntilConnect(wire)).toBe(1_000);
  });

  it("leaves transport failures and client-side drops to the transport's own reconnection", async () => {
    const { wire, statuses } = start();
    wire.fire("connectError", { code: "TRANSPORT", message: "xhr poll error" });
    wire.open();
    wire.drop("transport close");
    expect(await msUntilConnect(wire)).toBeUndefined();
    expect(statuses).toEqual(["reconnecting", "connected", "reconnecting"]);
  });

  it("stops at version-mismatch: disconnects, never retries, and ignores later status changes until closed", async () => {
    const { wire, client, statuses } = start();
    wire.fire("connectError", { code: "VERSION_MISMATCH", message: "protocol 2.x required" });
    expect(client.status).toBe("version-mismatch");
    expect(wire.disconnectCalls).toBe(1);
    wire.open();
    wire.fire("status", { state: "degraded" });
    expect(await msUntilConnect(wire)).toBeUndefined();
    expect(client.status).toBe("version-mismatch");
    client.close();
    expect(statuses).toEqual(["version-mismatch", "disconnected"]);
  });

  it("shows a degraded server while connected and recovers to connected", () => {
    const { wire, client, statuses } = start();
    wire.open();
    wire.fire("status", { state: "degraded", reason: "redis down" });
    wire.fire("status", { state: "ok" });
    expect(statuses).toEqual(["connected", "degraded", "connected"]);
    client.close();
  });

  it("close() cancels a pending retry and connect() does nothing afterwards", async () => {
    const { wire, client } = start();
    wire.fire("connectError", { code: "UNAUTHENTICATED", message: "no" });
    client.close();
    client.connect();
    expect(await msUntilConnect(wire)).toBeUndefined();
    expect(client.status).toBe("disconnected");
  });
});
