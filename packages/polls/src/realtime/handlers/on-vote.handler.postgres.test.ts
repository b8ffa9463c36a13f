import type { AppDatabase } from "@repo/core-database";
import { migrateToLatest, openDatabase } from "@repo/core-database";
import { createTestPostgresDatabase, describeWithPostgres, probePostgres } from "@repo/core-database/testing";
import type { TestPostgresDatabase } from "@repo/core-database/testing";
import type { RealtimeUser } from "@repo/core-realtime";
import { inMemoryUnitOfWork, RecordingEventBus, startChannelHarness } from "@repo/core-testing";
import type { ChannelHarness } from "@repo/core-testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pollFixture } from "../../__tests__/polls-test-kit";
import { pollsMigrations } from "../../migrations/polls-migrations";
import { SqlPollRepository } from "../../repositories/sql-poll-repository";
import { SqlVoteRepository } from "../../repositories/sql-vote-repository";
import { castVoteUseCase } from "../../use-cases/cast-vote";
import { pollChannel } from "../poll.channel";
import { onVoteHandler } from "./on-vote.handler";

const users: RealtimeUser[] = Array.from({ length: 6 }, (_, i) => ({ userId: `voter-${i}`, roles: [] }));

// Two real servers, each with its own connection pool to one PostgreSQL database: two app instances.
describeWithPostgres(await probePostgres())("votes over real sockets on two instances sharing PostgreSQL", () => {
  let testDatabase: TestPostgresDatabase;
  const databases: AppDatabase[] = [];
  const instances: ChannelHarness[] = [];

  beforeAll(async () => {
    testDatabase = await createTestPostgresDatabase("polls_instances");
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({ url: testDatabase.url });
      databases.push(database);
      // Both instances migrate at start, as the app does; the second finds nothing to do.
      await migrateToLatest(database, [pollsMigrations]);
      const polls = new SqlPollRepository(database);
      const votes = new SqlVoteRepository(database);
      const harness: ChannelHarness = await startChannelHarness({
        users,
        handlers: [
          [
            pollChannel,
            onVoteHandler({
              castVote: castVoteUseCase({
                polls,
                votes,
                bus: new RecordingEventBus(),
                work: inMemoryUnitOfWork({ polls, votes }, { broadcast: (...args) => harness.broadcaster.broadcast(...args) }),
              }),
            }),
          ],
        ],
      });
      instances.push(harness);
    }
    await new SqlPollRepository(databases[0]!).create(pollFixture({ id: "shared", status: "open" }));
  }, 120_000);

  afterAll(async () => {
    for (const harness of instances) await harness.close();
    for (const database of databases) await database.close();
    await testDatabase?.drop();
  }, 120_000);

  it("counts each user once when they vote on both instances at the same moment", async () => {
    const acks = await Promise.all(
      users.map(async (user) => {
        const [onA, onB] = await Promise.all(instances.map((harness) => harness.connectAs(user)));
        const both = await Promise.all([
          onA!.publish(pollChannel, { pollId: "shared" }, { optionId: "o1" }),
          onB!.publish(pollChannel, { pollId: "shared" }, { optionId: "o2" }),
        ]);
        onA!.close();
        onB!.close();
        return both;
      }),
    );
    for (const pair of acks) {
      expect(pair.filter((ack) => ack.ok)).toHaveLength(1);
      expect(pair.find((ack) => !ack.ok)).toMatchObject({ ok: false, error: { code: "ALREADY_VOTED" } });
    }
    const counts = await new SqlVoteRepository(databases[1]!).counts("shared");
    expect((counts.get("o1") ?? 0) + (counts.get("o2") ?? 0)).toBe(users.length);
  });

  it("refuses a vote on either instance once the poll is closed through the other", async () => {
    await new SqlPollRepository(databases[0]!).create(pollFixture({ id: "closing", status: "open" }));
    await new SqlPollRepository(databases[0]!).transition("closing", ["open"], "closed");
    const client = await instances[1]!.connectAs(users[0]!);
    expect(await client.publish(pollChannel, { pollId: "closing" }, { optionId: "o1" })).toMatchObject({ ok: false, error: { code: "POLL_CLOSED" } });
    client.close();
  });
});
