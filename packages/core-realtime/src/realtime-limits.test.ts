import { describe, expect, it } from "vitest";
import { DEFAULT_REALTIME_LIMITS, resolveRealtimeLimits } from "./realtime-limits";

describe("resolveRealtimeLimits", () => {
  it("fills unset limits from the defaults", () => {
    const limits = resolveRealtimeLimits({ maxSubscriptionsPerSocket: 5 });
    expect(limits).toEqual({ ...DEFAULT_REALTIME_LIMITS, maxSubscriptionsPerSocket: 5 });
    expect(DEFAULT_REALTIME_LIMITS).toMatchObject({
      maxFrameBytes: 65_536,
      maxSubscriptionsPerSocket: 100,
      maxConnectionsPerUser: 20,
      inboundRatePerSocket: { capacity: 20, refillPerSecond: 10 },
      inboundRatePerUser: { capacity: 60, refillPerSecond: 30 },
      handshakeTimeoutMs: 10_000,
      pingIntervalMs: 25_000,
      pingTimeoutMs: 20_000,
      maxBufferedMessagesPerSocket: 1_000,
      reauthIntervalMs: 15_000,
    });
  });

  it.each([
    [{ maxSubscriptionsPerSocket: 0 }],
    [{ maxFrameBytes: 1.5 }],
    [{ reauthIntervalMs: Number.NaN }],
    [{ inboundRatePerUser: { capacity: 0, refillPerSecond: 1 } }],
    [{ inboundRatePerSocket: { capacity: 1, refillPerSecond: -1 } }],
    [{ maxFrameBytes: 1024, maxInboundPayloadBytes: 2048 }],
  ])("rejects %j", (overrides) => {
    expect(() => resolveRealtimeLimits(overrides)).toThrow(RangeError);
  });
});
