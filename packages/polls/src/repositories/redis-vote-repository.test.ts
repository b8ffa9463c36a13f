import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import type { RedisClientType } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeRedis, TEST_REDIS_URL } from "@repo/core-testing-redis";
import { voteRepositoryContract } from "../__tests__/vote-repository-contract";
import { RedisVoteRepository } from "./redis-vote-repository";

const redisAvailable = await probeRedis();

describe.skipIf(!redisAvailable && process.env.CI !== "true")("RedisVoteRepository against a real Redis", () => {
  // Two connections stand for two app instances sharing one Redis.
  const instanceA: RedisClientType = createClient({ url: TEST_REDIS_URL });
  const instanceB: RedisClientType = createClient({ url: TEST_REDIS_URL });
  const runPrefix = `test:polls-votes:${randomUUID()}:`;
  let repoCount = 0;

  beforeAll(async () => {
    for (const client of [instanceA, instanceB]) {
      client.on("error", (error) => console.error("redis client error in test", error));
      await client.connect();
    }
  });

  afterAll(async () => {
    const keys = await instanceA.keys(`${runPrefix}*`);
    if (keys.length > 0) await instanceA.del(keys);
    instanceA.destroy();
    instanceB.destroy();
  });

  voteRepositoryContract("RedisVoteRepository", async () => new RedisVoteRepository(instanceA, { keyPrefix: `${runPrefix}${++repoCount}:` }));

  it("counts one vote per user across instances voting at once (the check and the count are one atomic script)", async () => {
    const keyPrefix = `${runPrefix}race:`;
    const onA = new RedisVoteRepository(instanceA, { keyPrefix });
    const onB = new RedisVoteRepository(instanceB, { keyPrefix });
    const users = Array.from({ length: 25 }, (_, i) => `user-${i}`);
    // Every user double-votes, once through each instance, for different options, all in flight together.
    const attempts = users.flatMap((user) => [onA.cast("p1", user, "o1"), onB.cast("p1", user, "o2")]);
    const results = await Promise.all(attempts);

    expect(results.filter((result) => result.accepted)).toHaveLength(users.length);
    const counts = await onA.counts("p1");
    expect((counts.get("o1") ?? 0) + (counts.get("o2") ?? 0)).toBe(users.length);
    // The tally and the voter list never disagree: no half-applied vote.
    const voters = await instanceB.hGetAll(`${keyPrefix}{p1}:voters`);
    expect(Object.keys(voters).sort()).toEqual([...users].sort());
    for (const user of users) expect(await onB.voteOf("p1", user)).toBe(voters[user]);
    const tallyFromVoters = Object.values(voters).reduce((tally, option) => tally.set(option, (tally.get(option) ?? 0) + 1), new Map<string, number>());
    expect(counts).toEqual(tallyFromVoters);
  });

  it("keeps one poll's keys under one hash tag, so the script stays cluster-safe", async () => {
    const keyPrefix = `${runPrefix}layout:`;
    await new RedisVoteRepository(instanceA, { keyPrefix }).cast("poll-x", "bob", "o1");
    expect((await instanceA.keys(`${keyPrefix}*`)).sort()).toEqual([`${keyPrefix}{poll-x}:tally`, `${keyPrefix}{poll-x}:voters`]);
  });

  it("refuses a tally it did not write instead of answering wrong counts", async () => {
    const keyPrefix = `${runPrefix}garbage:`;
    await instanceA.hSet(`${keyPrefix}{p1}:tally`, "o1", "many");
    await expect(new RedisVoteRepository(instanceA, { keyPrefix }).counts("p1")).rejects.toThrow();
  });
});
