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
    ["a static name the polls template could produce", "polls.directory"],
    ["a static name a two-placeholder template could produce", "notifications.user.alice"],
    ["a template that could produce a registered static name", "{section}.feed"],
    ["a template that could produce it by its static tail", "articles.{name}"],
  ])("refuses %s (%s) in either order, and registers nothing", (_what, name) => {
    const r = registry();
    const before = r.listChannels();
    const intruder = defineRealtimeChannel({ name, scope: "public", schema });
    expect(() => r.registerChannel(intruder)).toThrow(RealtimeRegistryError);
    expect(r.listChannels()).toEqual(before);
    expect(r.resolve(name.includes("{") ? "articles.feed" : name).kind).toBe("match");
  });

  it("refuses a template over a static name registered before it, whichever came first", () => {
    const first = new RealtimeHandlerRegistry();
    first.registerChannel(defineRealtimeChannel({ name: "polls.directory", scope: "public", schema }));
    expect(() => first.register(poll, () => undefined)).toThrow(/overlaps "polls.directory"/);
    expect(first.getInboundDescriptor("polls.{pollId}")).toBeUndefined();
  });

  it.each([
    ["polls-directory", "another segment count"],
    ["polls._private", "a static segment no placeholder value can hold (leading underscore)"],
    ["articles.feeds", "another static value"],
  ])("accepts %s beside the templates (%s)", (name) => {
    const r = registry();
    expect(() => r.registerChannel(defineRealtimeChannel({ name, scope: "public", schema }))).not.toThrow();
    expect(r.resolve(name)).toMatchObject({ kind: "match", descriptor: { name } });
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
