import { describe, expect, it } from "vitest";
import { ChannelPolicyCache } from "./channel-policy-cache";

describe("ChannelPolicyCache", () => {
  const make = (maxEntries = 3) => {
    const clock = { now: 1_000 };
    const cache = new ChannelPolicyCache({ ttlMs: 5_000, maxEntries, now: () => clock.now });
    return { cache, clock };
  };

  it("answers a verdict until its TTL passes, then forgets it", () => {
    const { cache, clock } = make();
    cache.set("read", "polls.p1", true);
    cache.set("publish", "polls.p1", false);
    expect(cache.get("read", "polls.p1")).toBe(true);
    expect(cache.get("publish", "polls.p1")).toBe(false);
    clock.now += 4_999;
    expect(cache.get("read", "polls.p1")).toBe(true);
    clock.now += 1;
    expect(cache.get("read", "polls.p1")).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it("keeps read and publish verdicts apart", () => {
    const { cache } = make();
    cache.set("read", "polls.p1", true);
    expect(cache.get("publish", "polls.p1")).toBeUndefined();
  });

  it("is bounded: past maxEntries the oldest verdict goes first, and a refreshed one counts as new", () => {
    const { cache } = make(3);
    cache.set("read", "a", true);
    cache.set("read", "b", true);
    cache.set("read", "c", true);
    cache.set("read", "a", false);
    cache.set("read", "d", true);
    expect(cache.size).toBe(3);
    expect(cache.get("read", "b")).toBeUndefined();
    expect(cache.get("read", "a")).toBe(false);
    expect(cache.get("read", "d")).toBe(true);
  });

  it("forgets everything on clear (a re-authentication)", () => {
    const { cache } = make();
    cache.set("read", "x", true);
    cache.set("publish", "x", true);
    cache.clear();
    expect(cache.get("read", "x")).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
