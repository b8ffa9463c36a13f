import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeHandlerRegistry, RealtimeRegistryError } from "./handler-registry";

const schema = z.object({});
const feed = defineRealtimeChannel({ name: "articles.feed", scope: "public", schema });
const poll = defineRealtimeChannel({ name: "polls.{pollId}", scope: "authenticated", schema, inbound: z.object({ optionId: z.string() }) });
const notes = defineRealtimeChannel({ name: "notifications.user.{userId}", scope: { userScoped: "userId" }, schema });

function registry(): RealtimeHandlerRegistry {
  const r = new RealtimeHandlerRegistry();
  r.registerChannel(feed);
  r.registerChannel(notes);
  r.register(poll, () => "voted");
  return r;
}

describe("RealtimeHandlerRegistry", () => {
  it("lists channels and inbound registrations", () => {
    const r = registry();
    expect(r.listChannels().map((c) => c.name)).toEqual(["articles.feed", "notifications.user.{userId}", "polls.{pollId}"]);
    expect(r.list().map((e) => e.descriptor.name)).toEqual(["polls.{pollId}"]);
    expect(r.getInboundDescriptor("polls.{pollId}")?.descriptor).toBe(poll);
    expect(r.getInboundDescriptor("articles.feed")).toBeUndefined();
  });

  it("accepts the same descriptor twice (registerChannel then register)", () => {
    const r = new RealtimeHandlerRegistry();
    r.registerChannel(poll);
    expect(() => r.register(poll, () => undefined)).not.toThrow();
  });

  it("rejects a different descriptor under an existing name", () => {
    const r = registry();
    const impostor = defineRealtimeChannel({ name: "articles.feed", scope: "public", schema });
    expect(() => r.registerChannel(impostor)).toThrow(RealtimeRegistryError);
  });

  it("rejects a second handler and a handler without an inbound schema", () => {
    const r = registry();
    expect(() => r.register(poll, () => undefined)).toThrow(/already has an inbound handler/);
    expect(() => r.register(feed, () => undefined)).toThrow(/no inbound schema/);
  });

  it("rejects overlapping templates", () => {
    const r = registry();
    const overlapping = defineRealtimeChannel({ name: "{kind}.{id}", scope: "public", schema });
    expect(() => r.registerChannel(overlapping)).toThrow(/overlaps/);
  });

  it.each([
    ["articles.feed", "match", {}],
    ["polls.p1", "match", { pollId: "p1" }],
    ["notifications.user.bob", "match", { userId: "bob" }],
    ["notifications.user.{userId}", "invalid-params", undefined],
    ["notifications.user.__proto__", "invalid-params", undefined],
    ["notifications.user.a.b", "unknown", undefined],
    ["__proto__", "unknown", undefined],
    ["constructor", "unknown", undefined],
    ["polls", "unknown", undefined],
  ])("resolves %j as %s", (name, kind, params) => {
    const resolution = registry().resolve(name);
    expect(resolution.kind).toBe(kind);
    if (resolution.kind === "match") expect({ ...resolution.params }).toEqual(params);
  });
});
