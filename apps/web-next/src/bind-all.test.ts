import { createLogCapture } from "@repo/core-observability/testing";
import { realtimeFor } from "@repo/core-di";
import { BroadcastSourcesSealedError } from "@repo/core-realtime/server";
import { createCallerFactory } from "@repo/core-trpc";
import { describe, expect, it } from "vitest";
import { bindAll } from "./bind-all";
import { parseEnv } from "./env";
import { RealtimeNotBoundError } from "./realtime/resolve-realtime";

const ALL_CHANNELS = ["admin.observability", "articles.feed", "notifications.user.{userId}", "polls-directory", "polls.{pollId}", "realtime-ping"];

const envFor = (overrides: Record<string, string> = {}) => parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", ...overrides }).env;

describe("bindAll", () => {
  it("without deps wires the in-memory broadcaster and every feature, keyed by name", async () => {
    const bound = await bindAll(undefined, { env: envFor(), logger: createLogCapture().logger });
    try {
      expect(bound.realtime.bound).toBe("in-memory");
      expect(Object.keys(bound.features)).toEqual(["auth", "notifications", "articles", "polls", "adminObservability"]);
      expect(bound.features.auth.name).toBe("auth");
      expect(bound.httpRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/auth/login", "POST /api/auth/logout", "POST /api/auth/signup"]);
      expect(bound.realtime.realtimeRegistry.listChannels().map((c) => c.name).sort()).toEqual(ALL_CHANNELS);
    } finally {
      await bound.close();
    }
  });

  it("merges feature routers and the app's realtime router into one app router", async () => {
    const bound = await bindAll(undefined, { env: envFor(), logger: createLogCapture().logger });
    try {
      const caller = createCallerFactory(bound.appRouter)({ user: { userId: "bob", roles: [] }, requestId: "r" });
      expect(await caller.auth.me()).toEqual({ id: "bob", roles: [] });
      expect((await caller.realtime.channels()).map((c) => c.name).sort()).toEqual(ALL_CHANNELS);
    } finally {
      await bound.close();
    }
  });

  it.each([
    { seed: "dev", aliceSignsIn: true },
    { seed: "none", aliceSignsIn: false },
  ])("APP_SEED=$seed decides whether the dev users exist", async ({ seed, aliceSignsIn }) => {
    const bound = await bindAll(undefined, { env: envFor({ APP_SEED: seed }), logger: createLogCapture().logger });
    try {
      const login = bound.httpRoutes.find((r) => r.path === "/api/auth/login");
      expect(login).toBeDefined();
      const authenticated = await bound.authenticator.authenticate({});
      expect(authenticated).toBeNull();
      const { AuthSymbols } = await import("@repo/auth");
      const result = await bound.features.auth.container.get(AuthSymbols.signIn)({ username: "alice", password: "alice-password" });
      expect(result.ok).toBe(aliceSignsIn);
    } finally {
      await bound.close();
    }
  });

  it("seals the broadcast source allowlist once binding ends: no later code can add a source", async () => {
    const bound = await bindAll(undefined, { env: envFor(), logger: createLogCapture().logger });
    try {
      const sources = bound.realtime.realtimeSources;
      expect(sources.sealed).toBe(true);
      // What bind code allowed is all there is (the relay, the bridges, the sampler, the ticker, ...).
      expect(sources.list()).toEqual(
        expect.arrayContaining([
          { kind: "outbox-relay", name: "relay" },
          { kind: "event-bridge", name: "polls" },
          { kind: "app", name: "ping-ticker" },
        ]),
      );
      const before = sources.list();
      const late = { realtime: bound.realtime.realtime, realtimeSources: sources };
      expect(() => realtimeFor(late, { kind: "use-case", name: "late.intruder" })).toThrow(BroadcastSourcesSealedError);
      expect(() => sources.allow({ kind: "server-api", name: "late-key" })).toThrow(BroadcastSourcesSealedError);
      expect(sources.list()).toEqual(before);
    } finally {
      await bound.close();
    }
  });

  it("refuses to start without deps in production (the bound guard)", async () => {
    await expect(bindAll(undefined, { env: envFor({ NODE_ENV: "production" }), logger: createLogCapture().logger })).rejects.toBeInstanceOf(
      RealtimeNotBoundError,
    );
  });
});
