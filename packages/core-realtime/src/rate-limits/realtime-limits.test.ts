import { describe, expect, it } from "vitest";
import { DEFAULT_REALTIME_LIMITS, REALTIME_LIMIT_ENV, parseRealtimeLimitsEnv, resolveRealtimeLimits } from "./realtime-limits";

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
      controlRatePerSocket: { capacity: 200, refillPerSecond: 20 },
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
    [{ maxSubscriptionsPerSocket: 300 }],
    [{ controlRatePerSocket: { capacity: 10, refillPerSecond: 5 } }],
  ])("rejects %j", (overrides) => {
    expect(() => resolveRealtimeLimits(overrides)).toThrow(RangeError);
  });
});

describe("parseRealtimeLimitsEnv", () => {
  it("maps each set variable to its limit and leaves the rest to the defaults", () => {
    const overrides = parseRealtimeLimitsEnv({
      REALTIME_MAX_FRAME_BYTES: "131072",
      REALTIME_MAX_CONNECTIONS_PER_USER: " 5 ",
      REALTIME_SOCKET_RATE_PER_SECOND: "2.5",
      REALTIME_USER_BURST: "100",
      REALTIME_CONTROL_RATE_PER_SECOND: "5",
      REALTIME_HEARTBEAT_INTERVAL_MS: "10000",
      REALTIME_REAUTH_INTERVAL_MS: "",
      UNRELATED: "x",
    });
    expect(overrides).toEqual({
      maxFrameBytes: 131_072,
      maxConnectionsPerUser: 5,
      pingIntervalMs: 10_000,
      inboundRatePerSocket: { capacity: 20, refillPerSecond: 2.5 },
      inboundRatePerUser: { capacity: 100, refillPerSecond: 30 },
      controlRatePerSocket: { capacity: 200, refillPerSecond: 5 },
    });
    expect(resolveRealtimeLimits(overrides).reauthIntervalMs).toBe(DEFAULT_REALTIME_LIMITS.reauthIntervalMs);
  });

  it("answers no overrides for an empty environment", () => {
    expect(parseRealtimeLimitsEnv({})).toEqual({});
  });

  it("names every variable it knows in REALTIME_LIMIT_ENV, each mapped to a real limit", () => {
    for (const target of Object.values(REALTIME_LIMIT_ENV)) {
      const limit = typeof target === "string" ? target : target[0];
      expect(Object.keys(DEFAULT_REALTIME_LIMITS)).toContain(limit);
    }
  });

  it.each([
    [{ REALTIME_MAX_FRAME_BYTES: "64k" }, /REALTIME_MAX_FRAME_BYTES must be a positive number/],
    [{ REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET: "0" }, /REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET/],
    [{ REALTIME_MAX_CONNECTIONS_PER_USER: "2.5" }, /maxConnectionsPerUser must be a positive integer/],
    [{ REALTIME_MAX_FRAME_BYTES: "1024", REALTIME_MAX_PAYLOAD_BYTES: "4096" }, /must not exceed maxFrameBytes/],
  ])("rejects %j at startup", (source, message) => {
    expect(() => parseRealtimeLimitsEnv(source)).toThrow(message);
  });
});
