import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import { createOutboxTestDatabase, outboxRows } from "./__tests__/outbox-test-database";
import type { OutboxTestDatabase } from "./__tests__/outbox-test-database";
import { createRealtimeTransactionRunner } from "./realtime-transaction-runner";

const scoreChannel = defineRealtimeChannel({ name: "score.{gameId}", scope: "public", schema: z.object({ points: z.number() }) });

describe("OutboxRealtimeBroadcaster through createRealtimeTransactionRunner (real PostgreSQL)", () => {
  let database: OutboxTestDatabase;
  beforeAll(async () => {
    database = await createOutboxTestDatabase();
  });
  afterAll(async () => database.close());

  it("stores one record per broadcast, with the channel, params, payload and a unique message id, when the transaction commits", async () => {
    const committed: { messageIds: readonly string[]; channels: readonly string[] }[] = [];
    let n = 0;
    const transactions = createRealtimeTransactionRunner(database.db, {
      now: () => 1_000,
      newMessageId: () => `m${++n}`,
      afterCommit: [(records) => committed.push(records)],
    });
    const receipt = await transactions.run(async ({ realtime }) => {
      const first = await realtime.broadcast(scoreChannel, { gameId: "g1" }, { points: 1 });
      await realtime.broadcast(scoreChannel, { gameId: "g2" }, { points: 2 });
      return first;
    });
    expect(receipt).toMatchObject({ channel: "score.g1", queued: true, messageId: "m1", delivered: 0 });
    expect(committed).toEqual([{ messageIds: ["m1", "m2"], channels: ["score.g1", "score.g2"] }]);
    const rows = await outboxRows(database.db);
    expect(rows.map((row) => [row.channel_key, row.channel, row.params, row.payload, row.message_id, row.settled_at])).toEqual([
      ["score.g1", "score.{gameId}", { gameId: "g1" }, { points: 1 }, "m1", null],
      ["score.g2", "score.{gameId}", { gameId: "g2" }, { points: 2 }, "m2", null],
    ]);
  });

  it("stores nothing when the transaction rolls back after broadcasting", async () => {
    const before = (await outboxRows(database.db)).length;
    const committed: unknown[] = [];
    const transactions = createRealtimeTransactionRunner(database.db, { afterCommit: [(c) => committed.push(c)] });
    await expect(
      transactions.run(async ({ realtime }) => {
        await realtime.broadcast(scoreChannel, { gameId: "g3" }, { points: 3 });
        throw new Error("the state change failed after its broadcast");
      }),
    ).rejects.toThrow("the state change failed");
    expect(await outboxRows(database.db)).toHaveLength(before);
    expect(committed).toEqual([]);
  });

  it("refuses an invalid payload, invalid params and local broadcasts inside the transaction (gate 4's rules)", async () => {
    const transactions = createRealtimeTransactionRunner(database.db);
    const attempt = (body: Parameters<typeof transactions.run>[0]) => transactions.run(body).then(() => null, (error: unknown) => error);
    const invalidPayload = await attempt(({ realtime }) => realtime.broadcast(scoreChannel, { gameId: "g" }, { points: "x" } as never));
    const invalidParams = await attempt(({ realtime }) => realtime.broadcast(scoreChannel, { gameId: "a.b" }, { points: 1 }));
    const local = await attempt(({ realtime }) => realtime.broadcast(scoreChannel, { gameId: "g" }, { points: 1 }, { local: true }));
    expect([invalidPayload, invalidParams, local].map((e) => (e instanceof RealtimeError ? e.code : e))).toEqual([
      "INVALID_PAYLOAD",
      "INVALID_PARAMS",
      "INVALID_PARAMS",
    ]);
  });

  it("keeps commit order per channel: a second writer to a channel waits for the first to commit, other channels do not", async () => {
    const transactions = createRealtimeTransactionRunner(database.db);
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstWrote!: () => void;
    const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
    const first = transactions.run(async ({ realtime }) => {
      await realtime.broadcast(scoreChannel, { gameId: "race" }, { points: 1 });
      firstWrote();
      await firstHolds;
    });
    await firstHasWritten;
    let secondDone = false;
    const second = transactions
      .run(async ({ realtime }) => realtime.broadcast(scoreChannel, { gameId: "race" }, { points: 2 }))
      .then(() => (secondDone = true));
    // Another channel is not held up by the first writer's lock.
    await transactions.run(async ({ realtime }) => realtime.broadcast(scoreChannel, { gameId: "elsewhere" }, { points: 9 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secondDone).toBe(false);
    releaseFirst();
    await Promise.all([first, second]);
    const race = (await outboxRows(database.db)).filter((row) => row.channel_key === "score.race");
    expect(race.map((row) => row.payload)).toEqual([{ points: 1 }, { points: 2 }]);
  });
});
