import { InMemoryRealtimeBroadcaster, RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import type { IRealtimeServer } from "@repo/core-realtime/server";
import { describe, expect, it } from "vitest";
import { RealtimeNotBoundError, resolveRealtime } from "./resolve-realtime";

const server: IRealtimeServer = {
  disconnectSession: async () => undefined,
  reauthenticateUser: async () => undefined,
  setHealth: () => undefined,
  close: async () => undefined,
};

describe("resolveRealtime", () => {
  it("uses the server's parts when given, in any environment", () => {
    const realtime = new InMemoryRealtimeBroadcaster();
    const deps = { realtime, realtimeSources: realtime.sources, realtimeRegistry: new RealtimeHandlerRegistry(), realtimeServer: server, redis: null };
    const binding = resolveRealtime(deps, { NODE_ENV: "production" });
    expect(binding.bound).toBe("socket-io");
    expect(binding.realtime).toBe(deps.realtime);
    expect(binding.realtimeServer).toBe(server);
  });

  it.each(["development", "test"] as const)("falls back to the in-memory broadcaster in %s", (env) => {
    const binding = resolveRealtime(undefined, { NODE_ENV: env });
    expect(binding.bound).toBe("in-memory");
    expect(binding.realtime).toBeInstanceOf(InMemoryRealtimeBroadcaster);
    expect(binding.realtimeServer).toBeNull();
  });

  it("fails loudly in production instead of wiring the in-memory fallback", () => {
    expect(() => resolveRealtime(undefined, { NODE_ENV: "production" })).toThrow(RealtimeNotBoundError);
    expect(() => resolveRealtime(undefined, { NODE_ENV: "production" })).toThrow("in-memory realtime fallback");
  });
});
