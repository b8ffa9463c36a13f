import type { RedisClientType } from "redis";
import { afterAll, beforeAll } from "vitest";
import { describePresenceStoreContract } from "../__tests__/presence-store-contract";
import { describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import { RedisPresenceStore } from "./redis-presence-store";

const available = await probeRedis();

describeWithRedis(available)("RedisPresenceStore against a real Redis", () => {
  const keyspace = testRedisKeyspace("presence");
  let redis: RedisClientType;
  beforeAll(async () => {
    redis = await keyspace.client();
  });
  afterAll(() => keyspace.dispose());

  describePresenceStoreContract("RedisPresenceStore", () => {
    // A fake clock shared by both "instances": lease ends are compared against it, not Redis's own time.
    let now = Date.now();
    // A long TTL: Redis also expires the keys after twice the TTL of real time, which must not happen mid-test.
    const options = { keyPrefix: keyspace.prefix, ttlMs: 60_000, timeoutMs: 20_000, now: () => now };
    return Promise.resolve({
      a: new RedisPresenceStore(redis, options),
      b: new RedisPresenceStore(redis, options),
      ttlMs: 60_000,
      advance: (ms) => void (now += ms),
    });
  });
});
