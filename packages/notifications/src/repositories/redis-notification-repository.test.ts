import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationRepositoryContract } from "../__tests__/notification-repository-contract";
import { probeRedis, TEST_REDIS_URL } from "@repo/core-testing-redis";
import { RedisNotificationRepository } from "./redis-notification-repository";

const redisAvailable = await probeRedis();

describe.skipIf(!redisAvailable && process.env.CI !== "true")("RedisNotificationRepository against a real Redis", () => {
  const redis = createClient({ url: TEST_REDIS_URL });
  const runPrefix = `test:notifications:${randomUUID()}:`;
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
  notificationRepositoryContract("RedisNotificationRepository", async (options) =>
    new RedisNotificationRepository(redis, { ...options, keyPrefix: `${runPrefix}${++repoCount}:` }),
  );

  it("is shared: a second repository on the same Redis sees the first one's writes", async () => {
    const keyPrefix = `${runPrefix}shared:`;
    const writer = new RedisNotificationRepository(redis, { keyPrefix });
    const reader = new RedisNotificationRepository(redis, { keyPrefix });
    await writer.add({ id: "n1", userId: "alice", title: "Hi", body: "there", createdAt: 1_000 });
    expect(await reader.listForUser("alice", 10)).toEqual([{ id: "n1", userId: "alice", title: "Hi", body: "there", createdAt: 1_000, read: false }]);
    await reader.markRead("alice", ["n1"]);
    expect(await writer.unreadCount("alice")).toBe(0);
  });

  it("counts concurrent adds exactly once each", async () => {
    const repo = new RedisNotificationRepository(redis, { keyPrefix: `${runPrefix}concurrent:` });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => repo.add({ id: `n${i % 10}`, userId: "bob", title: "t", body: "", createdAt: i })),
    );
    expect(results.filter((r) => r.added)).toHaveLength(10);
    expect(await repo.unreadCount("bob")).toBe(10);
  });

  it("keeps one user's keys under one hash tag, so the scripts stay cluster-safe", async () => {
    const keyPrefix = `${runPrefix}layout:`;
    const repo = new RedisNotificationRepository(redis, { keyPrefix });
    await repo.add({ id: "n1", userId: "carol", title: "t", body: "", createdAt: 1 });
    expect((await redis.keys(`${keyPrefix}*`)).sort()).toEqual(
      [`${keyPrefix}{carol}:items`, `${keyPrefix}{carol}:order`, `${keyPrefix}{carol}:unread`].sort(),
    );
  });

  it("skips a stored value it did not write instead of failing the whole list", async () => {
    const keyPrefix = `${runPrefix}garbage:`;
    const repo = new RedisNotificationRepository(redis, { keyPrefix });
    await repo.add({ id: "good", userId: "dave", title: "t", body: "", createdAt: 2 });
    await redis.zAdd(`${keyPrefix}{dave}:order`, { score: 1, value: "bad" });
    await redis.hSet(`${keyPrefix}{dave}:items`, "bad", "not json");
    expect((await repo.listForUser("dave", 10)).map((n) => n.id)).toEqual(["good"]);
  });
});
