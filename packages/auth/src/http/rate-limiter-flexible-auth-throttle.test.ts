import { describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import type { RedisClientType } from "redis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addressThrottleKey } from "./auth-throttle";
import { createAuthThrottle } from "./rate-limiter-flexible-auth-throttle";

const redisAvailable = await probeRedis();
const LIMITS = { attemptsPerAccount: 3, attemptsPerAddress: 5, windowSeconds: 60 };

describe("createAuthThrottle in memory (fake clock)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("refuses the attempt past the account's budget until the window ends, then admits again", async () => {
    const throttle = createAuthThrottle({ redis: null, keyPrefix: "t1:", limits: LIMITS });
    for (let i = 0; i < 3; i++) expect(await throttle.attempt({ account: "alice", address: `10.0.0.${i}` })).toEqual({ allowed: true });
    const refused = await throttle.attempt({ account: "Alice ", address: "10.0.0.9" });
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 60 });
    vi.advanceTimersByTime(30_000);
    expect(await throttle.attempt({ account: "alice", address: "10.0.0.9" })).toEqual({ allowed: false, retryAfterSeconds: 30 });
    vi.advanceTimersByTime(30_001);
    expect(await throttle.attempt({ account: "alice", address: "10.0.0.9" })).toEqual({ allowed: true });
  });

  it("refuses an address past its budget whatever account it tries", async () => {
    const throttle = createAuthThrottle({ redis: null, keyPrefix: "t2:", limits: LIMITS });
    for (let i = 0; i < 5; i++) expect((await throttle.attempt({ account: `user${i}`, address: "192.0.2.1" })).allowed).toBe(true);
    expect((await throttle.attempt({ account: "fresh", address: "192.0.2.1" })).allowed).toBe(false);
    expect((await throttle.attempt({ account: "fresh", address: "192.0.2.2" })).allowed).toBe(true);
  });

  it("forgives the account after a correct sign-in, and gives that one attempt back to the address", async () => {
    const throttle = createAuthThrottle({ redis: null, keyPrefix: "t3:", limits: LIMITS });
    for (let i = 0; i < 2; i++) await throttle.attempt({ account: "bob", address: "192.0.2.3" });
    await throttle.attempt({ account: "bob", address: "192.0.2.3" });
    await throttle.succeeded({ account: "bob", address: "192.0.2.3" });
    for (let i = 0; i < 3; i++) expect((await throttle.attempt({ account: "bob", address: `192.0.2.${10 + i}` })).allowed).toBe(true);
    // The address spent 3 and got 1 back: 3 more fit in its 5, the 4th does not.
    for (const account of ["x", "y", "z"]) expect((await throttle.attempt({ account, address: "192.0.2.3" })).allowed).toBe(true);
    expect((await throttle.attempt({ account: "w", address: "192.0.2.3" })).allowed).toBe(false);
  });
});

describe("addressThrottleKey", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:ffff::1", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    [undefined, "unknown"],
  ])("%s -> %s", (address, key) => {
    expect(addressThrottleKey(address)).toBe(key);
  });
});

describeWithRedis(redisAvailable)("createAuthThrottle on Redis (node-redis, shared budgets)", () => {
  const keyspace = testRedisKeyspace("auth-throttle");
  let redis: RedisClientType;

  beforeAll(async () => {
    redis = await keyspace.client();
  });
  afterAll(() => keyspace.dispose());

  it("shares one account budget between two throttles (two instances) and says how long to wait", async () => {
    const a = createAuthThrottle({ redis, keyPrefix: `${keyspace.prefix}login:`, limits: LIMITS });
    const b = createAuthThrottle({ redis, keyPrefix: `${keyspace.prefix}login:`, limits: LIMITS });
    expect((await a.attempt({ account: "carol", address: "192.0.2.20" })).allowed).toBe(true);
    expect((await b.attempt({ account: "carol", address: "192.0.2.21" })).allowed).toBe(true);
    expect((await a.attempt({ account: "carol", address: "192.0.2.22" })).allowed).toBe(true);
    const refused = await b.attempt({ account: "carol", address: "192.0.2.23" });
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    const keys = await redis.keys(`${keyspace.prefix}login:*`);
    expect(keys.some((key) => key.includes("carol"))).toBe(false);
  });
});
