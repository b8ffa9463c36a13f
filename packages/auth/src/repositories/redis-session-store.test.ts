import { describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import type { RedisClientType } from "redis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sessionStoreContract } from "../__tests__/session-store-contract";
import { RedisSessionStore } from "./redis-session-store";

const redisAvailable = await probeRedis();

describeWithRedis(redisAvailable)("RedisSessionStore against a real Redis", () => {
  const keyspace = testRedisKeyspace("auth-sessions");
  const keyPrefix = keyspace.prefix;
  let redis: RedisClientType;

  beforeAll(async () => {
    redis = await keyspace.client();
  });

  afterAll(() => keyspace.dispose());

  sessionStoreContract("RedisSessionStore", async (options) => ({
    store: new RedisSessionStore(redis, { keyPrefix, ...options }),
    now: Date.now,
    pass: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }));

  it("stores each session under its prefixed key with a TTL no longer than the session", async () => {
    const store = new RedisSessionStore(redis, { keyPrefix });
    const now = Date.now();
    await store.create({ id: "ttl-check", userId: "bob", createdAt: now, expiresAt: now + 60_000 });
    const ttl = await redis.pTTL(`${keyPrefix}ttl-check`);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("treats a value it did not write as no session", async () => {
    await redis.set(`${keyPrefix}garbage`, "not json");
    await redis.set(`${keyPrefix}wrong-shape`, JSON.stringify({ user: "x" }));
    const store = new RedisSessionStore(redis, { keyPrefix });
    expect(await store.get("garbage")).toBeNull();
    expect(await store.get("wrong-shape")).toBeNull();
  });
});
