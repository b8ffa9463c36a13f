import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { ChannelParams } from "./channel-template";
import { ChannelTemplateError } from "./channel-template";
import { defineRealtimeChannel } from "./define-realtime-channel";
import type { ChannelInbound, ChannelPayload } from "./define-realtime-channel";

describe("defineRealtimeChannel", () => {
  it("builds a frozen descriptor with a parsed template", () => {
    const channel = defineRealtimeChannel({
      name: "notifications.user.{userId}",
      scope: { userScoped: "userId" },
      schema: z.object({ title: z.string() }),
      history: { size: 10, ttlSeconds: 60 },
    });
    expect(channel.kind).toBe("realtime-channel");
    expect(channel.template.paramNames).toEqual(["userId"]);
    expect(channel.presence).toBe(false);
    expect(Object.isFrozen(channel)).toBe(true);
    expectTypeOf<ChannelParams<typeof channel.name>>().toEqualTypeOf<{ readonly userId: string }>();
    expectTypeOf<ChannelPayload<typeof channel>>().toEqualTypeOf<{ title: string }>();
  });

  it("types inbound payloads", () => {
    const channel = defineRealtimeChannel({
      name: "polls.{pollId}",
      scope: "authenticated",
      schema: z.object({ totalVotes: z.number() }),
      inbound: z.object({ optionId: z.string() }),
    });
    expectTypeOf<ChannelInbound<typeof channel>>().toEqualTypeOf<{ optionId: string }>();
    expect(channel.inbound).toBeDefined();
  });

  it("rejects a userScoped placeholder the name does not have", () => {
    expect(() =>
      defineRealtimeChannel({
        name: "notifications.user.{userId}",
        // @ts-expect-error -- the type system refuses it too
        scope: { userScoped: "ownerId" },
        schema: z.object({}),
      }),
    ).toThrow(ChannelTemplateError);
  });

  it.each([
    [{ size: 0, ttlSeconds: 1 }],
    [{ size: 1.5, ttlSeconds: 1 }],
    [{ size: 20_000, ttlSeconds: 1 }],
    [{ size: 10, ttlSeconds: 0 }],
  ])("rejects history %j", (history) => {
    expect(() => defineRealtimeChannel({ name: "a", scope: "public", schema: z.object({}), history })).toThrow(
      ChannelTemplateError,
    );
  });

  it("rejects an empty role and a malformed name", () => {
    expect(() => defineRealtimeChannel({ name: "a", scope: { role: " " }, schema: z.object({}) })).toThrow(ChannelTemplateError);
    expect(() => defineRealtimeChannel({ name: "a..b", scope: "public", schema: z.object({}) })).toThrow(ChannelTemplateError);
  });
});
