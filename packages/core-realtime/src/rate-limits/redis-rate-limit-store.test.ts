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
    // Generous Redis bounds: past them each store would answer from its own buckets.
    const a = new RedisRateLimitStore(redis, { keyPrefix: keyspace.prefix, timeoutMs: 20_000 });
    const b = new RedisRateLimitStore(redis, { keyPrefix: keyspace.prefix, timeoutMs: 20_000 });
    const verdicts = [await a.take("user:alice", limit), await b.take("user:alice", limit), await a.take("user:alice", limit)];
    expect(verdicts).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    const refused = await b.take("user:alice", limit);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(await a.take("user:bob", limit)).toEqual({ ok: true });
    expect(await redis.pTTL(`${keyspace.prefix}ratelimit:user:alice`)).toBeGreaterThan(0);
  });

  it("refills over time (Redis's clock)", async () => {
    const store = new RedisRateLimitStore(redis, { keyPrefix: keyspace.prefix, timeoutMs: 20_000 });
    // One token per 1,000 s: nothing refills while the test runs, however slow the machine. The
    // bucket runs on Redis's own clock (TIME), so instead of waiting, the test moves the bucket's
    // last-update stamp back by one token's worth of time.
    const slow = { capacity: 1, refillPerSecond: 0.001 };
    expect(await store.take("refill", slow)).toEqual({ ok: true });
    const refused = await store.take("refill", slow);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(990_000);
    const key = `${keyspace.prefix}ratelimit:refill`;
    const stamp = Number(await redis.hGet(key, "ts"));
    await redis.hSet(key, "ts", String(stamp - 1_000_000));
    expect(await store.take("refill", slow)).toEqual({ ok: true });
    expect((await store.take("refill", slow)).ok).toBe(false);
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
