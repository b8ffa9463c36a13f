import { describe, expect, it } from "vitest";
import type { Poll } from "../domain/poll";
import { DraftQuotaExceededError, PollAlreadyExistsError } from "../repositories/poll-repository";
import type { IPollRepository } from "../repositories/poll-repository";
import { pollFixture } from "./polls-test-kit";

/** A fresh, empty repository. */
export type PollRepositoryFactory = () => Promise<IPollRepository>;

function draft(id: string, createdAt: number): Poll {
  return pollFixture({ id, status: "draft", createdAt });
}

/**
 * The behaviour every `IPollRepository` must have; run it once per implementation.
 *
 * @example
 * pollRepositoryContract("InMemoryPollRepository", async () => new InMemoryPollRepository());
 */
export function pollRepositoryContract(name: string, create: PollRepositoryFactory): void {
  describe(`${name} (IPollRepository contract)`, () => {
    it("stores a poll and reads it back whole", async () => {
      const repo = await create();
      const poll = draft("p1", 1_000);
      await repo.create(poll);
      expect(await repo.get("p1")).toEqual(poll);
      expect(await repo.get("unknown")).toBeNull();
    });

    it("refuses a second poll with the same id and keeps the first", async () => {
      const repo = await create();
      await repo.create(draft("p1", 1_000));
      await expect(repo.create({ ...draft("p1", 2_000), question: "Other?" })).rejects.toBeInstanceOf(PollAlreadyExistsError);
      expect(await repo.get("p1")).toMatchObject({ question: "Lunch?", createdAt: 1_000 });
    });

    it("stores a draft only under the creator's quota, counting only that creator's drafts", async () => {
      const repo = await create();
      await repo.create(draft("d1", 1_000), { maxDrafts: 2 });
      await repo.create(pollFixture({ id: "o1", status: "open" }), { maxDrafts: 2 });
      await repo.create(pollFixture({ id: "other", status: "draft", createdBy: "carol" }), { maxDrafts: 2 });
      await repo.create(draft("d2", 2_000), { maxDrafts: 2 });
      await expect(repo.create(draft("d3", 3_000), { maxDrafts: 2 })).rejects.toBeInstanceOf(DraftQuotaExceededError);
      expect(await repo.get("d3")).toBeNull();
      await repo.create(draft("d3", 3_000)); // no quota asked: stored
      expect(await repo.get("d3")).not.toBeNull();
    });

    it("lets concurrent draft creates by one user store exactly up to the quota", async () => {
      const repo = await create();
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => repo.create(draft(`c${i}`, 1_000 + i), { maxDrafts: 3 })));
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
      expect(results.filter((result) => result.status === "rejected").every((result) => result.reason instanceof DraftQuotaExceededError)).toBe(true);
      expect(await repo.listVisible({ viewerId: "bob", allDrafts: false, limit: 50 })).toHaveLength(3);
    });

    it("lists newest first (ties by id, descending), up to the limit", async () => {
      const repo = await create();
      for (const poll of [draft("a", 1_000), draft("b", 3_000), draft("c", 2_000), draft("d", 2_000)]) await repo.create(poll);
      expect((await repo.list(10)).map((poll) => poll.id)).toEqual(["b", "d", "c", "a"]);
      expect((await repo.list(2)).map((poll) => poll.id)).toEqual(["b", "d"]);
      expect(await repo.list(0)).toEqual([]);
    });

    it("lists only what the viewer may see, filtered before the limit: others' drafts never take a place", async () => {
      const repo = await create();
      await repo.create(pollFixture({ id: "old-open", status: "open", createdAt: 1_000, createdBy: "bob" }));
      for (let i = 0; i < 5; i++) await repo.create(pollFixture({ id: `spam-${i}`, status: "draft", createdAt: 5_000 + i, createdBy: "mallory" }));
      await repo.create(pollFixture({ id: "bobs-draft", status: "draft", createdAt: 2_000, createdBy: "bob" }));
      await repo.create(pollFixture({ id: "closed", status: "closed", createdAt: 3_000, createdBy: "mallory" }));
      const ids = async (viewerId: string, allDrafts: boolean, limit: number) =>
        (await repo.listVisible({ viewerId, allDrafts, limit })).map((poll) => poll.id);
      expect(await ids("bob", false, 2)).toEqual(["closed", "bobs-draft"]);
      expect(await ids("carol", false, 10)).toEqual(["closed", "old-open"]);
      expect(await ids("alice", true, 3)).toEqual(["spam-4", "spam-3", "spam-2"]);
      expect(await ids("carol", false, 0)).toEqual([]);
    });

    it("pages after a cursor (createdAt, then id), ties included, with nothing skipped or repeated", async () => {
      const repo = await create();
      for (const poll of [draft("a", 1_000), draft("b", 3_000), draft("c", 2_000), draft("d", 2_000), draft("e", 2_000)]) await repo.create(poll);
      const page = async (after?: { createdAt: number; id: string }) =>
        (await repo.listVisible({ viewerId: "bob", allDrafts: false, limit: 2, ...(after === undefined ? {} : { after }) })).map((poll) => poll.id);
      expect(await page()).toEqual(["b", "e"]);
      expect(await page({ createdAt: 2_000, id: "e" })).toEqual(["d", "c"]);
      expect(await page({ createdAt: 2_000, id: "c" })).toEqual(["a"]);
      expect(await page({ createdAt: 1_000, id: "a" })).toEqual([]);
    });

    it("changes the status only from an allowed one, and says whether it did", async () => {
      const repo = await create();
      await repo.create(draft("p1", 1_000));
      expect(await repo.transition("p1", ["draft"], "open")).toEqual({ changed: true, poll: { ...draft("p1", 1_000), status: "open" } });
      expect(await repo.transition("p1", ["draft"], "open")).toMatchObject({ changed: false, poll: { status: "open" } });
      expect(await repo.transition("p1", ["draft", "open"], "closed")).toMatchObject({ changed: true, poll: { status: "closed" } });
      expect(await repo.transition("p1", ["draft"], "open")).toMatchObject({ changed: false, poll: { status: "closed" } });
      expect(await repo.get("p1")).toMatchObject({ status: "closed" });
    });

    it("answers null when changing the status of an unknown poll", async () => {
      const repo = await create();
      expect(await repo.transition("nope", ["draft"], "open")).toBeNull();
    });

    it("lets exactly one of many concurrent transitions win", async () => {
      const repo = await create();
      await repo.create(draft("p1", 1_000));
      const results = await Promise.all(Array.from({ length: 10 }, () => repo.transition("p1", ["draft"], "open")));
      expect(results.filter((result) => result?.changed === true)).toHaveLength(1);
    });
  });
}
