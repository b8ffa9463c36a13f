import { beforeEach, describe, expect, it } from "vitest";
import type { IPresenceStore } from "../presence/presence-store";

export interface PresenceStoreHarness {
  /** Two stores sharing state, as two instances would (the in-memory one hands the same store twice). */
  readonly a: IPresenceStore;
  readonly b: IPresenceStore;
  /** Moves the stores' clock forward. */
  advance(ms: number): void;
  readonly ttlMs: number;
}

/** One suite for every `IPresenceStore`: joins, leaves, counts, profiles, lease expiry reported once. */
export function describePresenceStoreContract(name: string, create: () => Promise<PresenceStoreHarness>): void {
  describe(`IPresenceStore contract: ${name}`, () => {
    let h: PresenceStoreHarness;
    let channel: string;
    let n = 0;
    beforeEach(async () => {
      h = await create();
      channel = `presence.c${++n}`;
    });

    it("reports a join only for a user's first connection and a leave only for their last", async () => {
      expect(await h.a.touch(channel, [{ userId: "alice", connectionId: "a:1" }])).toEqual(["alice"]);
      expect(await h.b.touch(channel, [{ userId: "alice", connectionId: "b:1" }])).toEqual([]);
      expect(await h.b.touch(channel, [{ userId: "bob", connectionId: "b:2" }])).toEqual(["bob"]);
      expect(await h.a.list(channel)).toEqual([
        { userId: "alice", connections: 2 },
        { userId: "bob", connections: 1 },
      ]);
      expect(await h.a.remove(channel, { userId: "alice", connectionId: "a:1" })).toBe(false);
      expect(await h.b.remove(channel, { userId: "alice", connectionId: "b:1" })).toBe(true);
      expect(await h.b.remove(channel, { userId: "alice", connectionId: "b:1" })).toBe(false);
      expect(await h.a.list(channel)).toEqual([{ userId: "bob", connections: 1 }]);
    });

    it("renews leases on touch and expires the ones nobody renewed, reporting each user once", async () => {
      await h.a.touch(channel, [{ userId: "alice", connectionId: "a:1" }]);
      await h.b.touch(channel, [
        { userId: "bob", connectionId: "dead:1" },
        { userId: "carol", connectionId: "dead:2" },
      ]);
      h.advance(h.ttlMs / 2);
      await h.a.touch(channel, [{ userId: "alice", connectionId: "a:1" }]);
      h.advance(h.ttlMs / 2 + 1);
      expect(await h.a.list(channel)).toEqual([{ userId: "alice", connections: 1 }]);
      const [first, second] = await Promise.all([h.a.expire(), h.b.expire()]);
      const left = [...first, ...second].filter((e) => e.channel === channel).map((e) => e.userId);
      expect(left.sort()).toEqual(["bob", "carol"]);
      // A user whose lease lapsed joins again when their instance renews it.
      expect(await h.b.touch(channel, [{ userId: "bob", connectionId: "b:9" }])).toEqual(["bob"]);
    });

    it("lists each member with the profile of their latest touch, and forgets it when they leave or expire", async () => {
      const alice = { displayName: "Alice", roles: ["staff"] };
      await h.a.touch(channel, [{ userId: "alice", connectionId: "a:1", profile: alice }]);
      await h.b.touch(channel, [{ userId: "bob", connectionId: "b:1" }]);
      expect(await h.b.list(channel)).toEqual([
        { userId: "alice", connections: 1, displayName: "Alice", roles: ["staff"] },
        { userId: "bob", connections: 1 },
      ]);
      // A rename shows at the next touch (heartbeats touch every connection).
      await h.b.touch(channel, [{ userId: "alice", connectionId: "b:2", profile: { displayName: "Alice B." } }]);
      expect((await h.a.list(channel))[0]).toEqual({ userId: "alice", connections: 2, displayName: "Alice B." });

      await h.a.remove(channel, { userId: "alice", connectionId: "a:1" });
      expect(await h.a.remove(channel, { userId: "alice", connectionId: "b:2" })).toBe(true);
      await h.a.touch(channel, [{ userId: "alice", connectionId: "a:3" }]);
      expect((await h.a.list(channel))[0]).toEqual({ userId: "alice", connections: 1 });

      await h.b.touch(channel, [{ userId: "carol", connectionId: "dead:1", profile: { displayName: "Carol" } }]);
      h.advance(h.ttlMs + 1);
      await h.a.touch(channel, [{ userId: "alice", connectionId: "a:3" }]);
      await Promise.all([h.a.expire(), h.b.expire()]);
      await h.b.touch(channel, [{ userId: "carol", connectionId: "b:9" }]);
      expect(await h.a.list(channel)).toEqual([
        { userId: "alice", connections: 1 },
        { userId: "carol", connections: 1 },
      ]);
    });

    it("keeps channels apart", async () => {
      await h.a.touch(channel, [{ userId: "alice", connectionId: "a:1" }]);
      expect(await h.a.list(`${channel}.other`)).toEqual([]);
      expect(await h.a.remove(`${channel}.other`, { userId: "alice", connectionId: "a:1" })).toBe(false);
    });
  });
}
