import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeRealtimeTransport } from "../__tests__/fake-realtime-transport";
import { REALTIME_PROTOCOL_VERSION } from "../protocol/wire-protocol";
import type { RealtimeConnectionDiagnostics } from "./connection-diagnostics";
import { memoryPositionStore } from "./position-store";
import { RealtimeClient } from "./realtime-client";

function start(protocolVersion?: string) {
  const wire = new FakeRealtimeTransport({ connected: false });
  const client = new RealtimeClient({
    transport: wire,
    positionStore: memoryPositionStore(),
    retryDelayMs: 1_000,
    ...(protocolVersion === undefined ? {} : { protocolVersion }),
  });
  const seen: RealtimeConnectionDiagnostics[] = [];
  client.onDiagnostics((diagnostics) => seen.push(diagnostics));
  return { wire, client, seen };
}

describe("RealtimeClient diagnostics (fake transport)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("starts connecting, with no attempts, no connects and the package's protocol version", () => {
    const { client } = start();
    expect(client.diagnostics).toEqual({
      status: "connecting",
      reconnectAttempts: 0,
      connects: 0,
      protocolVersion: REALTIME_PROTOCOL_VERSION,
      serverProtocolVersion: null,
    });
  });

  it("counts failed attempts while reconnecting and resets them on the next connect", () => {
    const { wire, client } = start();
    wire.open();
    expect(client.diagnostics).toMatchObject({ status: "connected", reconnectAttempts: 0, connects: 1 });
    wire.drop("transport close");
    wire.fire("connectError", { code: "TRANSPORT", message: "websocket error" });
    wire.fire("connectError", { code: "TRANSPORT", message: "websocket error" });
    wire.fire("connectError", { code: "UNAUTHENTICATED", message: "expired" });
    expect(client.diagnostics).toMatchObject({ status: "reconnecting", reconnectAttempts: 3, connects: 1 });
    wire.open();
    expect(client.diagnostics).toMatchObject({ status: "connected", reconnectAttempts: 0, connects: 2 });
  });

  it("mirrors the degraded signal from the server's status event", () => {
    const { wire, client } = start();
    wire.open();
    wire.fire("status", { state: "degraded", reason: "redis_unreachable" });
    expect(client.diagnostics.status).toBe("degraded");
    wire.fire("status", { state: "ok" });
    expect(client.diagnostics.status).toBe("connected");
  });

  it("keeps the server's version from a VERSION_MISMATCH refusal, and null when the server did not say", () => {
    const told = start("1.0.0");
    told.wire.fire("connectError", { code: "VERSION_MISMATCH", message: "reload", serverVersion: "2.0.0" } as never);
    expect(told.client.diagnostics).toMatchObject({ status: "version-mismatch", protocolVersion: "1.0.0", serverProtocolVersion: "2.0.0" });

    const silent = start();
    silent.wire.fire("connectError", { code: "VERSION_MISMATCH", message: "reload" });
    expect(silent.client.diagnostics).toMatchObject({ status: "version-mismatch", serverProtocolVersion: null });
  });

  it("hands out the same snapshot until something changes, then a new one to every listener", () => {
    const { wire, client, seen } = start();
    const before = client.diagnostics;
    expect(client.diagnostics).toBe(before);
    wire.open();
    expect(client.diagnostics).not.toBe(before);
    expect(seen.at(-1)).toBe(client.diagnostics);
    expect(Object.isFrozen(client.diagnostics)).toBe(true);
  });

  it("stops notifying a listener once it unsubscribed", () => {
    const { wire, client } = start();
    const calls: RealtimeConnectionDiagnostics[] = [];
    const stop = client.onDiagnostics((diagnostics) => calls.push(diagnostics));
    wire.open();
    const heard = calls.length;
    stop();
    wire.drop();
    expect(client.diagnostics.status).toBe("reconnecting");
    expect(heard).toBeGreaterThan(0);
    expect(calls).toHaveLength(heard);
    expect(calls.at(-1)).toMatchObject({ status: "connected", connects: 1 });
  });
});
