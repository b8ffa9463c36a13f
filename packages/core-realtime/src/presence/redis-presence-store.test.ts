import type { RedisClientType } from "redis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogCapture } from "@repo/core-observability/testing";
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

describeWithRedis(available)("RedisPresenceStore through a Redis outage (fake clock)", () => {
  const keyspace = testRedisKeyspace("presence-outage");
  let redis: RedisClientType;
  beforeAll(async () => {
    redis = await keyspace.client();
  });
  afterAll(() => keyspace.dispose());

  it("answers from this instance's members while Redis is away, then goes back to the shared view", async () => {
    // The real client, seen as "not ready" while `up` is false: every call then fails at once, as in an outage.
    let up = true;
    const switchable = new Proxy(redis, {
      get(target, property) {
        if (property === "isReady") return up && target.isReady;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    let now = Date.now();
    const logs = createLogCapture();
    const options = { keyPrefix: keyspace.prefix, ttlMs: 60_000, timeoutMs: 20_000, now: () => now };
    const store = new RedisPresenceStore(switchable, { ...options, logger: logs.logger });
    const other = new RedisPresenceStore(redis, options); // another instance that still reaches Redis
    const alice = { userId: "alice", connectionId: "i1:a" };
    const bob = { userId: "bob", connectionId: "i1:b" };
    const carol = { userId: "carol", connectionId: "i2:c" };

    expect(await store.touch("room", [alice])).toEqual(["alice"]);
    await other.touch("room", [carol]);

    up = false;
    expect(await store.touch("room", [alice, bob])).toEqual(["alice", "bob"]); // the heartbeat fills the local view
    expect(await store.list("room")).toEqual([
      { userId: "alice", connections: 1 },
      { userId: "bob", connections: 1 },
    ]);
    expect(await store.remove("room", bob)).toBe(true);

    up = true; // reconnected: the next call probes Redis at once
    now += 100;
    expect(await store.touch("room", [alice])).toEqual([]);
    expect(await store.list("room")).toEqual([
      { userId: "alice", connections: 1 },
      { userId: "carol", connections: 1 },
    ]);
    expect(logs.entries().map((e) => e.msg)).toEqual(["redis_store_unavailable", "redis_store_recovered"]);
  });
});
