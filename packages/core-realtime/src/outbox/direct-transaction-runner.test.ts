import { sql } from "kysely";
import type { Kysely, Transaction } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { InMemoryRealtimeBroadcaster } from "../broadcast/in-memory-realtime-broadcaster";
import { sourced } from "../__tests__/test-broadcast-source";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import { createOutboxTestDatabase, outboxRows } from "./__tests__/outbox-test-database";
import type { OutboxTestDatabase } from "./__tests__/outbox-test-database";
import { createDirectTransactionRunner } from "./direct-transaction-runner";
import { createRealtimeTransactionRunner } from "./realtime-transaction-runner";
import { unitOfWork } from "./unit-of-work";

const scoreChannel = defineRealtimeChannel({ name: "score.{gameId}", scope: "public", schema: z.object({ points: z.number() }) });

type ScoreTables = { scores: { game_id: string; points: number } };

/** A feature-style repository that writes through whatever executor it was built on (a transaction here). */
class ScoreRepository {
  constructor(readonly db: Kysely<ScoreTables>) {}
  async set(gameId: string, points: number): Promise<void> {
    await this.db.insertInto("scores").values({ game_id: gameId, points }).execute();
  }
}

async function scores(db: Kysely<unknown>): Promise<unknown[]> {
  return (await sql<{ game_id: string }>`SELECT game_id FROM scores ORDER BY game_id`.execute(db)).rows.map((row) => row.game_id);
}

describe("unit of work over a transaction runner (real PostgreSQL)", () => {
  let database: OutboxTestDatabase;
  beforeAll(async () => {
    database = await createOutboxTestDatabase();
    await sql`CREATE TABLE scores (game_id text PRIMARY KEY, points integer NOT NULL)`.execute(database.db);
  });
  afterAll(async () => database.close());

  it("the direct runner sends the body's broadcasts after commit, in order, and none when the body fails", async () => {
    const realtime = new InMemoryRealtimeBroadcaster();
    const subscriber = realtime.connect(null);
    subscriber.subscribe(scoreChannel, { gameId: "d" });
    const work = unitOfWork(createDirectTransactionRunner(database.db, sourced(realtime)), (trx: Transaction<ScoreTables>) => ({ scores: new ScoreRepository(trx) }));

    const receipt = await work(async (scope) => {
      await scope.scores.set("d1", 1);
      const held = await scope.realtime.broadcast(scoreChannel, { gameId: "d" }, { points: 1 });
      // Held until commit: nobody heard it yet.
      expect(subscriber.received).toEqual([]);
      await scope.realtime.broadcast(scoreChannel, { gameId: "d" }, { points: 2 });
      return held;
    });
    expect(receipt).toMatchObject({ channel: "score.d", queued: true });
    expect(subscriber.payloadsOn("score.d")).toEqual([{ points: 1 }, { points: 2 }]);

    await expect(
      work(async (scope) => {
        await scope.scores.set("d2", 2);
        await scope.realtime.broadcast(scoreChannel, { gameId: "d" }, { points: 3 });
        throw new Error("failed after broadcasting");
      }),
    ).rejects.toThrow("failed after broadcasting");
    expect(subscriber.payloadsOn("score.d")).toHaveLength(2);
    expect(await scores(database.db)).toEqual(["d1"]);
  });

  it("refuses an invalid payload inside the body, so the state change rolls back with it", async () => {
    const work = unitOfWork(createDirectTransactionRunner(database.db, sourced(new InMemoryRealtimeBroadcaster())), (trx: Transaction<ScoreTables>) => ({
      scores: new ScoreRepository(trx),
    }));
    const error = await work(async (scope) => {
      await scope.scores.set("bad", 1);
      await scope.realtime.broadcast(scoreChannel, { gameId: "bad" }, { points: "x" } as never);
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RealtimeError);
    expect((error as RealtimeError).code).toBe("INVALID_PAYLOAD");
    expect(await scores(database.db)).not.toContain("bad");
  });

  it("over the outbox runner, the repository's write and the outbox record commit together or not at all", async () => {
    const work = unitOfWork(createRealtimeTransactionRunner(database.db), (trx: Transaction<ScoreTables>) => ({ scores: new ScoreRepository(trx) }));
    await work(async ({ scores: repository, realtime }) => {
      await repository.set("o1", 1);
      await realtime.broadcast(scoreChannel, { gameId: "o" }, { points: 1 });
    });
    await expect(
      work(async ({ scores: repository, realtime }) => {
        await realtime.broadcast(scoreChannel, { gameId: "o" }, { points: 2 });
        // A primary-key violation after the outbox record was written: both roll back.
        await repository.set("o1", 2);
      }),
    ).rejects.toThrow();
    expect(await scores(database.db)).toContain("o1");
    expect((await outboxRows(database.db)).map((row) => row.payload)).toEqual([{ points: 1 }]);
  });
});
