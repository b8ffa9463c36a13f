import { defineRealtimeChannel } from "@repo/core-realtime";
import { RealtimeHandlerRegistry } from "@repo/core-realtime/server";
import { createCallerFactory } from "@repo/core-trpc";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRealtimeRouter } from "./realtime-router";
import { realtimePingChannel } from "./realtime-ping.channel";

const schema = z.object({});
const registry = new RealtimeHandlerRegistry();
registry.register(realtimePingChannel, (payload) => payload);
registry.registerChannel(defineRealtimeChannel({ name: "members.feed", scope: "authenticated", schema }));
registry.registerChannel(defineRealtimeChannel({ name: "admin.audit", scope: { role: "admin" }, schema }));
registry.registerChannel(defineRealtimeChannel({ name: "notifications.user.{userId}", scope: { userScoped: "userId" }, schema }));

const createCaller = createCallerFactory(createRealtimeRouter(registry));
const channelsFor = async (user: { userId: string; roles: string[] } | null) =>
  Object.fromEntries((await createCaller({ user, requestId: "r" }).channels()).map((c) => [c.name, c.authorized]));

describe("realtime.channels", () => {
  it("lists every channel with its scope, template-ness and whether it accepts publishes", async () => {
    const channels = await createCaller({ user: null, requestId: "r" }).channels();
    expect(channels).toEqual([
      { name: "admin.audit", scope: "role:admin", isTemplate: false, authorized: false, acceptsPublish: false, description: null },
      { name: "members.feed", scope: "authenticated", isTemplate: false, authorized: false, acceptsPublish: false, description: null },
      {
        name: "notifications.user.{userId}",
        scope: "userScoped:userId",
        isTemplate: true,
        authorized: null,
        acceptsPublish: false,
        description: null,
      },
      {
        name: "realtime-ping",
        scope: "public",
        isTemplate: false,
        authorized: true,
        acceptsPublish: true,
        description: "Server tick and round-trip probe",
      },
    ]);
  });

  it.each([
    { who: "a guest", user: null, expected: { "admin.audit": false, "members.feed": false, "realtime-ping": true } },
    { who: "bob", user: { userId: "bob", roles: [] }, expected: { "admin.audit": false, "members.feed": true, "realtime-ping": true } },
    { who: "alice (admin)", user: { userId: "alice", roles: ["admin"] }, expected: { "admin.audit": true, "members.feed": true, "realtime-ping": true } },
  ])("tells $who which static channels they may subscribe to", async ({ user, expected }) => {
    expect(await channelsFor(user)).toEqual({ ...expected, "notifications.user.{userId}": null });
  });
});
