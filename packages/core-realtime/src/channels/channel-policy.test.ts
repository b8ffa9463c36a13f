import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { ChannelTemplateError } from "./channel-template";
import { withChannelPolicy } from "./channel-policy";
import type { ChannelPolicy } from "./channel-policy";
import { defineRealtimeChannel } from "./define-realtime-channel";

describe("withChannelPolicy", () => {
  const docs = defineRealtimeChannel({ name: "docs.{docId}", scope: "authenticated", schema: z.object({}) });

  it("returns the same channel, frozen, with the policy; the shared descriptor stays policy-free", async () => {
    const guarded = withChannelPolicy(docs, (user, { docId }) => user?.userId === docId);
    expect(docs.policy).toBeUndefined();
    expect(Object.isFrozen(guarded)).toBe(true);
    expect({ ...guarded, policy: undefined }).toEqual({ ...docs });
    expect(await guarded.policy?.({ userId: "d1", roles: [] }, { docId: "d1" }, { access: "read", channel: "docs.d1" })).toBe(true);
    expect(await guarded.policy?.({ userId: "d2", roles: [] }, { docId: "d1" }, { access: "read", channel: "docs.d1" })).toBe(false);
  });

  it("refuses a second policy on one channel (combine them in one function instead)", () => {
    const guarded = withChannelPolicy(docs, () => true);
    expect(() => withChannelPolicy(guarded, () => false)).toThrow(ChannelTemplateError);
  });

  it("types the params by the channel's template", () => {
    expectTypeOf<Parameters<ChannelPolicy<"docs.{docId}">>[1]>().toEqualTypeOf<{ readonly docId: string }>();
  });
});
