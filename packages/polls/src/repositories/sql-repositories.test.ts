import { sql } from "@repo/core-database";
import type { AppDatabase } from "@repo/core-database";
import { describeRepositoryContract } from "@repo/core-database/testing";
import { expect, it } from "vitest";
import { pollRepositoryContract } from "../__tests__/poll-repository-contract";
import { clearPolls, pollFixture } from "../__tests__/polls-test-kit";
import { VOTE_CONTRACT_POLL_IDS, voteRepositoryContract } from "../__tests__/vote-repository-contract";
import { pollsMigrations } from "../migrations/polls-migrations";
import { SqlPollRepository } from "./sql-poll-repository";
import { SqlVoteRepository } from "./sql-vote-repository";

/** An empty store holding only the polls the vote contract votes on (votes reference their poll). */
async function withContractPolls(database: AppDatabase): Promise<void> {
  await clearPolls(database);
  const polls = new SqlPollRepository(database);
  for (const id of VOTE_CONTRACT_POLL_IDS) await polls.create(pollFixture({ id }));
}

// One migrated database per engine for the whole file: PGlite's initdb is the slow part.
describeRepositoryContract(
  "polls SQL repositories",
  ({ database }) => {
    pollRepositoryContract("SqlPollRepository", async () => {
      await clearPolls(database());
      return new SqlPollRepository(database());
    });
    voteRepositoryContract("SqlVoteRepository", async () => {
      await withContractPolls(database());
      return new SqlVoteRepository(database());
    });

    it("refuses a second vote row by one user on one poll in the schema itself (the primary key), not in code", async () => {
      await withContractPolls(database());
      const insert = () => sql`insert into poll_votes (poll_id, user_id, option_id) values ('p1', 'bob', 'o1')`.execute(database().db);
      await insert();
      await expect(insert()).rejects.toMatchObject({ code: "23505" });
    });

    it("counts exactly one of two votes by one user sent at the same moment through two repositories (two instances)", async () => {
      await withContractPolls(database());
      const [onA, onB] = [new SqlVoteRepository(database()), new SqlVoteRepository(database())];
      const results = await Promise.all([onA.cast("p1", "bob", "o1"), onB.cast("p1", "bob", "o2")]);
      expect(results.filter((result) => result.accepted)).toHaveLength(1);
      const counts = await onA.counts("p1");
      expect([...counts.values()].reduce((sum, n) => sum + n, 0)).toBe(1);
      expect(results.find((result) => !result.accepted)).toMatchObject({ accepted: false, votedFor: await onB.voteOf("p1", "bob") });
    });

    it("keeps a poll's options, order and labels through jsonb, and drops its votes with it", async () => {
      await clearPolls(database());
      const polls = new SqlPollRepository(database());
      const poll = pollFixture({ id: "json", options: [{ id: "o1", label: "Ünïcode \"quoted\"" }, { id: "o2", label: "[]{}" }, { id: "o3", label: "3" }] });
      await polls.create(poll);
      expect(await polls.get("json")).toEqual(poll);
    });
  },
  { migrations: [pollsMigrations] },
);
