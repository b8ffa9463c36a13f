import { describe, expect, it } from "vitest";
import type { IVoteRepository } from "../repositories/vote-repository";

/** The poll ids the contract votes on: a store whose votes reference their poll creates these first. */
export const VOTE_CONTRACT_POLL_IDS = ["p1", "p2", "empty"] as const;

/** A fresh, empty repository (no votes; the polls in `VOTE_CONTRACT_POLL_IDS` may exist). */
export type VoteRepositoryFactory = () => Promise<IVoteRepository>;

/**
 * The behaviour every `IVoteRepository` must have; run it once per implementation.
 *
 * @example
 * voteRepositoryContract("InMemoryVoteRepository", async () => new InMemoryVoteRepository());
 */
export function voteRepositoryContract(name: string, create: VoteRepositoryFactory): void {
  describe(`${name} (IVoteRepository contract)`, () => {
    it("counts a first vote and answers the counts after it", async () => {
      const repo = await create();
      expect(await repo.cast("p1", "bob", "o1")).toEqual({ accepted: true, counts: new Map([["o1", 1]]) });
      expect(await repo.cast("p1", "carol", "o2")).toEqual({ accepted: true, counts: new Map([["o1", 1], ["o2", 1]]) });
      expect(await repo.counts("p1")).toEqual(new Map([["o1", 1], ["o2", 1]]));
      expect(await repo.voteOf("p1", "bob")).toBe("o1");
    });

    it("refuses a second vote by the same user, for any option, and changes nothing", async () => {
      const repo = await create();
      await repo.cast("p1", "bob", "o1");
      expect(await repo.cast("p1", "bob", "o2")).toEqual({ accepted: false, votedFor: "o1", counts: new Map([["o1", 1]]) });
      expect(await repo.cast("p1", "bob", "o1")).toMatchObject({ accepted: false, votedFor: "o1" });
      expect(await repo.counts("p1")).toEqual(new Map([["o1", 1]]));
      expect(await repo.voteOf("p1", "bob")).toBe("o1");
    });

    it("keeps polls apart: a vote on one poll does not block or count on another", async () => {
      const repo = await create();
      await repo.cast("p1", "bob", "o1");
      expect(await repo.cast("p2", "bob", "o2")).toEqual({ accepted: true, counts: new Map([["o2", 1]]) });
      expect(await repo.counts("p1")).toEqual(new Map([["o1", 1]]));
      expect(await repo.voteOf("p2", "bob")).toBe("o2");
    });

    it("answers empty counts and no vote for a poll nobody voted on", async () => {
      const repo = await create();
      expect(await repo.counts("empty")).toEqual(new Map());
      expect(await repo.voteOf("empty", "bob")).toBeNull();
    });

    it("counts exactly one of many concurrent votes by one user, and every other user's", async () => {
      const repo = await create();
      const sameUser = Array.from({ length: 20 }, (_, i) => repo.cast("p1", "bob", i % 2 === 0 ? "o1" : "o2"));
      const others = Array.from({ length: 10 }, (_, i) => repo.cast("p1", `voter-${i}`, "o1"));
      const results = await Promise.all([...sameUser, ...others]);
      expect(results.slice(0, 20).filter((result) => result.accepted)).toHaveLength(1);
      expect(results.slice(20).every((result) => result.accepted)).toBe(true);
      const counts = await repo.counts("p1");
      expect([...counts.values()].reduce((sum, n) => sum + n, 0)).toBe(11);
    });
  });
}
