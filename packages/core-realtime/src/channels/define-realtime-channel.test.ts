import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { ChannelCoalesceError } from "./channel-coalesce";
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

  it("keeps a coalesce option within bounds, frozen; without one a channel does not coalesce", () => {
    const ticker = defineRealtimeChannel({ name: "ticker", scope: "public", schema: z.object({}), coalesce: { delayMs: 20, maxBatch: 64 } });
    expect(ticker.coalesce).toEqual({ delayMs: 20, maxBatch: 64 });
    expect(Object.isFrozen(ticker.coalesce)).toBe(true);
    expect(defineRealtimeChannel({ name: "plain", scope: "public", schema: z.object({}) }).coalesce).toBeUndefined();
    for (const coalesce of [{ delayMs: 1, maxBatch: 2 }, { delayMs: 1_000, maxBatch: 1_000 }]) {
      expect(defineRealtimeChannel({ name: "edge", scope: "public", schema: z.object({}), coalesce }).coalesce).toEqual(coalesce);
    }
  });

  it.each([
    [{ delayMs: 0, maxBatch: 10 }, "delayMs"],
    [{ delayMs: 1_001, maxBatch: 10 }, "delayMs"],
    [{ delayMs: 2.5, maxBatch: 10 }, "delayMs"],
    [{ delayMs: Number.NaN, maxBatch: 10 }, "delayMs"],
    [{ delayMs: 10, maxBatch: 1 }, "maxBatch"],
    [{ delayMs: 10, maxBatch: 1_001 }, "maxBatch"],
    [{ delayMs: 10, maxBatch: Number.POSITIVE_INFINITY }, "maxBatch"],
    [{ delayMs: "10", maxBatch: 10 }, "delayMs"],
  ] as const)("rejects coalesce %j with a ChannelCoalesceError naming %s", (coalesce, option) => {
    let caught: unknown;
    try {
      defineRealtimeChannel({ name: "ticker", scope: "public", schema: z.object({}), coalesce: coalesce as never });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ChannelCoalesceError);
    expect(caught).toMatchObject({ code: "INVALID_COALESCE", channel: "ticker", option, message: expect.stringContaining(`coalesce.${option} must be an integer in`) as string });
  });
});
