import { createClient } from "redis";
import type { RedisClientType } from "redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import { CONTRACT_OPTIONS, idempotencyStoreContract } from "../__tests__/idempotency-store-contract";
import type { ContractValue } from "../__tests__/idempotency-store-contract";
import { RedisIdempotencyStore } from "./redis-idempotency-store";
import type { RedisIdempotencyStoreOptions } from "./redis-idempotency-store";

const available = await probeRedis();

const decode = (value: unknown): ContractValue => {
  if (typeof value !== "object" || value === null || !("ok" in value) || !("run" in value)) throw new Error("not a contract value");
  return { ok: value.ok === true, run: Number(value.run) };
};
const busy = (retryAfterMs: number): ContractValue => ({ ok: false, run: -retryAfterMs });

describeWithRedis(available)("RedisIdempotencyStore against a real Redis", () => {
  const keyspace = testRedisKeyspace("idempotency");
  let redis: RedisClientType;
  // Generous Redis bounds: past them a store falls back to its own memory, a false failure on a loaded machine.
  const store = (options: Partial<RedisIdempotencyStoreOptions<ContractValue>> = {}): RedisIdempotencyStore<ContractValue> =>
    new RedisIdempotencyStore<ContractValue>(redis, { keyPrefix: keyspace.prefix, decode, busy, timeoutMs: 20_000, waitMs: 20_000, ...options });
  /** An operation that runs until released; `started` once the store claimed the key and ran it. */
  const held = (): { run: () => Promise<ContractValue>; started: () => boolean; release: (value: ContractValue) => void } => {
    let release: ((value: ContractValue) => void) | undefined;
    return {
      run: () => new Promise((resolve) => (release = resolve)),
      started: () => release !== undefined,
      release: (value) => release?.(value),
    };
  };
  beforeAll(async () => {
    redis = await keyspace.client();
  });
  afterAll(() => keyspace.dispose());

  // Two stores on one Redis: two instances.
  idempotencyStoreContract(() => Promise.resolve({ a: store(), b: store() }));

  it("a repeat on another instance while the first run is in flight waits for its answer and runs nothing", async () => {
    const [a, b] = [store(), store({ pollMs: 10 })];
    const operation = held();
    const first = a.run("user:alice", "in-flight", operation.run, CONTRACT_OPTIONS);
    await vi.waitFor(() => expect(operation.started()).toBe(true), { timeout: 20_000 }); // a holds the claim
    let ranOnB = false;
    const second = b.run("user:alice", "in-flight", () => {
      ranOnB = true;
      return Promise.resolve({ ok: true, run: 99 });
    }, CONTRACT_OPTIONS);
    // Let b find the claim and start waiting (if it has not yet, it finds the answer instead: the same outcome).
    await new Promise((resolve) => setTimeout(resolve, 50));
    operation.release({ ok: true, run: 7 });
    expect(await Promise.all([first, second])).toEqual([
      { value: { ok: true, run: 7 }, duplicate: false },
      { value: { ok: true, run: 7 }, duplicate: true },
    ]);
    expect(ranOnB).toBe(false);
  });

  it("answers `busy` with the claim's remaining time when the other run outlasts the wait", async () => {
    // A long claim: the remaining time b reports stays far above the bound below however slow the machine is.
    const [a, b] = [store({ claimTtlMs: 120_000 }), store({ waitMs: 100, pollMs: 10 })];
    const operation = held();
    const first = a.run("user:alice", "slow", operation.run, CONTRACT_OPTIONS);
    await vi.waitFor(() => expect(operation.started()).toBe(true), { timeout: 20_000 });
    const second = await b.run("user:alice", "slow", () => Promise.resolve({ ok: true, run: 99 }), CONTRACT_OPTIONS);
    expect(second.duplicate).toBe(true);
    expect(second.value.ok).toBe(false);
    expect(-second.value.run).toBeGreaterThan(60_000);
    expect(-second.value.run).toBeLessThanOrEqual(120_000);
    operation.release({ ok: true, run: 1 });
    await first;
  });

  it("runs again once a dead instance's claim expired", async () => {
    const entryPrefix = `${keyspace.prefix}idem:{user:alice}:`;
    const a = store({ claimTtlMs: 60_000 });
    // A claim whose run never finishes: the instance died mid-run.
    const orphan = held();
    void a.run("user:alice", "orphan", orphan.run, CONTRACT_OPTIONS);
    await vi.waitFor(() => expect(orphan.started()).toBe(true), { timeout: 20_000 });
    const claims = await redis.keys(`${entryPrefix}*`);
    expect(claims.length).toBeGreaterThan(0);
    for (const key of claims) {
      const ttl = await redis.pTTL(key);
      expect(ttl).toBeGreaterThan(0); // the claim expires on its own ...
      expect(ttl).toBeLessThanOrEqual(60_000);
      await redis.pExpire(key, 1); // ... and here it does now, on Redis's clock, instead of after a real-time wait
    }
    const b = store({ pollMs: 20 });
    expect(await b.run("user:alice", "orphan", () => Promise.resolve({ ok: true, run: 5 }), CONTRACT_OPTIONS)).toEqual({
      value: { ok: true, run: 5 },
      duplicate: false,
    });
  });

  it("keeps keys in Redis no longer than the TTL, and one index per owner", async () => {
    const s = store();
    await s.run("user:ttl", "k1", () => Promise.resolve({ ok: true, run: 1 }), { ...CONTRACT_OPTIONS, ttlMs: 5_000 });
    const keys = await redis.keys(`${keyspace.prefix}idem:{user:ttl}*`);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      const ttl = await redis.pTTL(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(5_000);
    }
  });
});

describe("RedisIdempotencyStore without Redis", () => {
  it("falls back to this instance's memory (de-duplicating per instance) when Redis is not connected", async () => {
    const offline: RedisClientType = createClient({ url: "redis://127.0.0.1:1" });
    const s = new RedisIdempotencyStore<ContractValue>(offline, { decode, busy, timeoutMs: 50 });
    let runs = 0;
    const op = (): Promise<ContractValue> => Promise.resolve({ ok: true, run: ++runs });
    expect(await s.run("user:alice", "k", op, CONTRACT_OPTIONS)).toEqual({ value: { ok: true, run: 1 }, duplicate: false });
    expect(await s.run("user:alice", "k", op, CONTRACT_OPTIONS)).toEqual({ value: { ok: true, run: 1 }, duplicate: true });
    expect(runs).toBe(1);
  });
});
