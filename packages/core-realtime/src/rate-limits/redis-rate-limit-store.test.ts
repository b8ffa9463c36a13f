import { createClient } from "redis";
import type { RedisClientType } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import { InMemoryRateLimitStore } from "./in-memory-rate-limit-store";
import { RedisRateLimitStore } from "./redis-rate-limit-store";

const available = await probeRedis();
const limit = { capacity: 3, refillPerSecond: 0.001 };

describeWithRedis(available)("RedisRateLimitStore against a real Redis", () => {
  const keyspace = testRedisKeyspace("rate-limit");
  let redis: RedisClientType;
  beforeAll(async () => {
    redis = await keyspace.client();
  });
  afterAll(() => keyspace.dispose());

  it("shares one bucket per key between instances, and keeps keys apart", async () => {
    const a = new RedisRateLimitStore(redis, { keyPrefix: keyspace.prefix });
    const b = new RedisRateLimitStore(redis, { keyPrefix: keyspace.prefix });
    const verdicts = [await a.take("user:alice", limit), await b.take("user:alice", limit), await a.take("user:alice", limit)];
    expect(verdicts).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    const refused = await b.take("user:alice", limit);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(await a.take("user:bob", limit)).toEqual({ ok: true });
    expect(await redis.pTTL(`${keyspace.prefix}ratelimit:user:alice`)).toBeGreaterThan(0);
  });

  it("refills over time", { timeout: 30_000 }, async () => {
    const store = new RedisRateLimitStore(redis, { keyPrefix: keyspace.prefix });
    // The bucket runs on Redis's own clock (TIME), so this waits for the refill with a generous
    // bound instead of a fixed window a loaded machine could miss.
    const slow = { capacity: 1, refillPerSecond: 1 };
    expect(await store.take("refill", slow)).toEqual({ ok: true });
    expect((await store.take("refill", slow)).ok).toBe(false);
    const deadline = Date.now() + 15_000;
    let verdict = await store.take("refill", slow);
    while (!verdict.ok && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      verdict = await store.take("refill", slow);
    }
    expect(verdict).toEqual({ ok: true });
  });
});

describe("RedisRateLimitStore during an outage", () => {
  it("keeps limiting with this instance's own buckets instead of failing open or throwing", async () => {
    const down: RedisClientType = createClient({ url: "redis://127.0.0.1:1" });
    const store = new RedisRateLimitStore(down);
    const verdicts = await Promise.all(Array.from({ length: 4 }, () => store.take("user:alice", limit)));
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, true, false]);
  });
});

describe("InMemoryRateLimitStore", () => {
  it("limits per key and forgets idle buckets", async () => {
    let now = 0;
    const store = new InMemoryRateLimitStore({ now: () => now });
    const fast = { capacity: 1, refillPerSecond: 1_000 };
    expect(await store.take("a", fast)).toEqual({ ok: true });
    expect((await store.take("a", fast)).ok).toBe(false);
    expect(await store.take("b", fast)).toEqual({ ok: true });
    now += 10_000;
    for (let i = 0; i < 1_000; i++) store.takeSync(`k${i % 2}`, fast);
    expect(store.size).toBe(2);
  });
});
