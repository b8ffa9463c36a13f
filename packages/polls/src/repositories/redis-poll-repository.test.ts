import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollRepositoryContract } from "../__tests__/poll-repository-contract";
import { pollFixture } from "../__tests__/polls-test-kit";
import { probeRedis, TEST_REDIS_URL } from "@repo/core-testing-redis";
import { RedisPollRepository } from "./redis-poll-repository";

const redisAvailable = await probeRedis();

describe.skipIf(!redisAvailable && process.env.CI !== "true")("RedisPollRepository against a real Redis", () => {
  const redis = createClient({ url: TEST_REDIS_URL });
  const runPrefix = `test:polls:${randomUUID()}:`;
  let repoCount = 0;

  beforeAll(async () => {
    redis.on("error", (error) => console.error("redis client error in test", error));
    await redis.connect();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${runPrefix}*`);
    if (keys.length > 0) await redis.del(keys);
    redis.destroy();
  });

  // Each repository gets its own prefix: the contract expects an empty store.
  pollRepositoryContract("RedisPollRepository", async () => new RedisPollRepository(redis, { keyPrefix: `${runPrefix}${++repoCount}:` }));

  it("is shared: a second repository on the same Redis sees the first one's polls and status changes", async () => {
    const keyPrefix = `${runPrefix}shared:`;
    const writer = new RedisPollRepository(redis, { keyPrefix });
    const reader = new RedisPollRepository(redis, { keyPrefix });
    await writer.create(pollFixture({ id: "p1", status: "draft" }));
    expect(await reader.get("p1")).toEqual(pollFixture({ id: "p1", status: "draft" }));
    await reader.transition("p1", ["draft"], "open");
    expect(await writer.get("p1")).toMatchObject({ status: "open" });
    expect((await writer.list(10)).map((poll) => poll.id)).toEqual(["p1"]);
  });

  it("skips a stored poll it did not write instead of failing the whole list", async () => {
    const keyPrefix = `${runPrefix}garbage:`;
    const repo = new RedisPollRepository(redis, { keyPrefix });
    await repo.create(pollFixture({ id: "good", createdAt: 1 }));
    await redis.zAdd(`${keyPrefix}index`, { score: 2, value: "bad" });
    await redis.hSet(`${keyPrefix}poll:bad`, { data: "not json", status: "open" });
    expect(await repo.get("bad")).toBeNull();
    expect((await repo.list(10)).map((poll) => poll.id)).toEqual(["good"]);
  });
});
