import { describe, expect, it } from "vitest";
import type { Poll } from "../domain/poll";
import { PollAlreadyExistsError } from "../repositories/poll-repository";
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

    it("lists newest first (ties by id, descending), up to the limit", async () => {
      const repo = await create();
      for (const poll of [draft("a", 1_000), draft("b", 3_000), draft("c", 2_000), draft("d", 2_000)]) await repo.create(poll);
      expect((await repo.list(10)).map((poll) => poll.id)).toEqual(["b", "d", "c", "a"]);
      expect((await repo.list(2)).map((poll) => poll.id)).toEqual(["b", "d"]);
      expect(await repo.list(0)).toEqual([]);
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
