import { defineRealtimeChannel } from "@repo/core-realtime";
import { RealtimeRegistryError } from "@repo/core-realtime/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSecurityServer } from "./security-kit";
import type { SecurityServer } from "./security-kit";

/**
 * Issue #18 finding 8: a static channel and a template must never claim the
 * same concrete name, or a broadcast to the template would reach subscribers
 * who passed the static channel's (weaker) scope. The app's own registry
 * refuses both orders; what was registered before keeps answering as it did.
 */
describe("security: the channel registry refuses static names a template could produce, and the reverse", () => {
  let sec: SecurityServer;
  beforeAll(async () => {
    sec = await startSecurityServer();
  });
  afterAll(async () => {
    await sec.close();
  });

  const schema = z.object({ sentinel: z.string() });

  it.each([
    ["a public static channel inside the polls template", "polls.directory"],
    ["a public static channel inside the notifications template", "notifications.user.alice"],
    ["a public template over the admin-only static channel", "admin.{section}"],
    ["a public template over the articles feed", "{area}.feed"],
  ])("refuses %s (%s) and leaves the registry as it was", async (_what, name) => {
    const registry = sec.server.bound.realtime.realtimeRegistry;
    const before = registry.listChannels().map((channel) => channel.name);
    expect(() => registry.registerChannel(defineRealtimeChannel({ name, scope: "public", schema }))).toThrow(RealtimeRegistryError);
    expect(registry.listChannels().map((channel) => channel.name)).toEqual(before);
  });

  it("still answers the refused names with the original channel's scope", async () => {
    const anonymous = await sec.connect();
    expect(await anonymous.subscribe("polls.directory")).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await anonymous.subscribe("notifications.user.alice")).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await anonymous.subscribe("admin.observability")).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(anonymous.messages).toEqual([]);
    anonymous.close();
  });
});
