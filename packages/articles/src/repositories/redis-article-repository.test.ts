import { describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import type { RedisClientType } from "redis";
import { createLogCapture } from "@repo/core-observability/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { articleRepositoryContract } from "../__tests__/article-repository-contract";
import { RedisArticleRepository } from "./redis-article-repository";

const redisAvailable = await probeRedis();

describeWithRedis(redisAvailable)("RedisArticleRepository against a real Redis", () => {
  const keyspace = testRedisKeyspace("articles");
  const runPrefix = keyspace.prefix;
  let redis: RedisClientType;
  let repositories = 0;

  beforeAll(async () => {
    redis = await keyspace.client();
  });

  afterAll(() => keyspace.dispose());

  // Each repository gets its own prefix: the contract expects a fresh, empty store.
  const freshPrefix = () => `${runPrefix}${++repositories}:`;

  articleRepositoryContract("RedisArticleRepository", async () => new RedisArticleRepository(redis, { keyPrefix: freshPrefix() }));

  it("shares articles between two repositories on the same keys (two app instances)", async () => {
    const keyPrefix = freshPrefix();
    const instanceA = new RedisArticleRepository(redis, { keyPrefix });
    const instanceB = new RedisArticleRepository(redis, { keyPrefix });
    await instanceA.save({ id: "shared", title: "Hi", body: "from A", authorId: "alice", publishedAt: 5 });
    expect(await instanceB.listNewestFirst(5)).toEqual([{ id: "shared", title: "Hi", body: "from A", authorId: "alice", publishedAt: 5 }]);
  });

  it("skips and logs a stored value it did not write instead of failing the list", async () => {
    const keyPrefix = freshPrefix();
    const logs = createLogCapture();
    const repository = new RedisArticleRepository(redis, { keyPrefix, logger: logs.logger });
    await repository.save({ id: "good", title: "Good", body: "ok", authorId: "bob", publishedAt: 1 });
    await redis.set(`${keyPrefix}article:bad`, "not json");
    await redis.zAdd(`${keyPrefix}by-published`, { score: 2, value: "bad" });
    expect((await repository.listNewestFirst(10)).map((a) => a.id)).toEqual(["good"]);
    expect(await repository.findById("bad")).toBeNull();
    expect(logs.entriesAt(40)).toContainEqual(expect.objectContaining({ articleId: "bad", msg: "article_value_unreadable" }));
  });
});
