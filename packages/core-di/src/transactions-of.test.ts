import { createInMemoryDatabase } from "@repo/core-database";
import type { AppDatabase } from "@repo/core-database";
import { defineRealtimeChannel } from "@repo/core-realtime";
import { InMemoryRealtimeBroadcaster } from "@repo/core-realtime/server";
import type { IRealtimeTransactionRunner } from "@repo/core-realtime/server";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { FeatureConfig } from "./bind-context";
import { transactionsOf, TransactionsNotBoundError } from "./transactions-of";

const config = (env: FeatureConfig["env"]): FeatureConfig => ({ env, sessionSecret: "s".repeat(32), sessionTtlSeconds: 60, secureCookies: false });
/** The realtime half of a context: the in-memory broadcaster and its source allowlist. */
function inMemoryRealtime() {
  const realtime = new InMemoryRealtimeBroadcaster();
  return { realtime, realtimeSources: realtime.sources };
}
const pingChannel = defineRealtimeChannel({ name: "ping.{roomId}", scope: "public", schema: z.object({ n: z.number() }) });

describe("transactionsOf", () => {
  const databases: AppDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.close();
  }, 60_000);

  it("answers the context's own runner (the app's outbox runner)", () => {
    const runner: IRealtimeTransactionRunner = { run: (body) => body({ trx: undefined as never, realtime: new InMemoryRealtimeBroadcaster() }) };
    const database = createInMemoryDatabase();
    databases.push(database);
    expect(transactionsOf({ config: config("production"), database, ...inMemoryRealtime(), transactions: runner })).toBe(runner);
  });

  it("refuses to fall back in production, where a broadcast outside the outbox could be lost", () => {
    const database = createInMemoryDatabase();
    databases.push(database);
    expect(() => transactionsOf({ config: config("production"), database, ...inMemoryRealtime() })).toThrow(TransactionsNotBoundError);
  });

  it("in a test context without one, sends the body's broadcasts through ctx.realtime after commit", { timeout: 120_000 }, async () => {
    const database = createInMemoryDatabase();
    databases.push(database);
    const { realtime, realtimeSources } = inMemoryRealtime();
    const subscriber = realtime.connect(null);
    subscriber.subscribe(pingChannel, { roomId: "r" });
    const transactions = transactionsOf({ config: config("test"), database, realtime, realtimeSources });
    await transactions.run(async (scope) => {
      await scope.realtime.broadcast(pingChannel, { roomId: "r" }, { n: 1 });
      expect(subscriber.received).toEqual([]);
    });
    expect(subscriber.payloadsOn("ping.r")).toEqual([{ n: 1 }]);
    // Flushed as the fallback's own use-case source; the unbound broadcaster would have refused it.
    expect(realtimeSources.list()).toEqual([{ kind: "use-case", name: "unit-of-work" }]);
  });
});
