import { createHash, randomUUID } from "node:crypto";
import type { RedisClientType } from "redis";
import type { Logger } from "@repo/core-observability";
import { boundedRedisCall } from "../redis/redis-bounded-call";
import { RedisOutageLatch } from "../redis/redis-outage-latch";
import { RedisScript } from "../redis/redis-script";
import type { IdempotencyRunOptions, IdempotentRun, IIdempotencyStore } from "./idempotency-store";
import { InMemoryIdempotencyStore } from "./in-memory-idempotency-store";

export interface RedisIdempotencyStoreOptions<T> {
  /** Checks a remembered value read back from Redis (data from outside the process): throw on anything else. */
  readonly decode: (value: unknown) => T;
  /** Prefix of every key; default `realtime:`. */
  readonly keyPrefix?: string;
  /** How long a claimed key stays "running" when its instance dies mid-run; after it a retry runs again. Default 30 s. */
  readonly claimTtlMs?: number;
  /** How long a duplicate waits for another instance's run to finish before answering `busy`. Default 5 s. */
  readonly waitMs?: number;
  /** What a duplicate answers when the first run is still going after `waitMs`. */
  readonly busy: (retryAfterMs: number) => T;
  /** Longest wait for one Redis call; past it this instance's own store answers. Default 500 ms. */
  readonly timeoutMs?: number;
  readonly logger?: Logger;
  /** Pause between two reads while waiting for another instance's run. Default 50 ms. */
  readonly pollMs?: number;
}

/**
 * Claims a key for one run, or answers what it holds. Keys of one owner share
 * a hash tag (one cluster slot) and an index sorted by claim time, so the
 * per-owner bound evicts that owner's own oldest keys only.
 * KEYS: entry, owner index. ARGV: claim token, claim TTL ms, TTL ms, max keys per owner.
 * Answers nil when claimed, else the entry's value ("r:<token>" running, "d:<json>" done).
 */
const CLAIM = new RedisScript(`
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ttl = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - ttl)
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4]) + 1
if over > 0 then
  for _, victim in ipairs(redis.call('ZRANGE', KEYS[2], 0, over - 1)) do redis.call('DEL', victim) end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
end
redis.call('SET', KEYS[1], 'r:' .. ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], now, KEYS[1])
redis.call('PEXPIRE', KEYS[2], ttl)
return false
`);

/** KEYS: entry. ARGV: claim token, done value, TTL ms. Stores the outcome only while the claim is still ours. */
const FINISH = new RedisScript(`
if redis.call('GET', KEYS[1]) == 'r:' .. ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
`);

/** KEYS: entry, owner index. ARGV: claim token. Gives a failed run's key back so a retry runs again. */
const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) == 'r:' .. ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], KEYS[1])
  return 1
end
return 0
`);

type Lookup<T> = { readonly kind: "claimed"; readonly token: string } | { readonly kind: "done"; readonly value: T } | { readonly kind: "running" };

/**
 * `IIdempotencyStore` shared by every instance through Redis (ADR-019): the
 * first run claims the key (`SET NX PX` semantics, in a script that also
 * enforces the per-owner bound), a duplicate on any instance gets the stored
 * outcome, or waits for a run still going elsewhere. Runs on this instance
 * share one promise. When Redis does not answer, this instance's in-memory
 * store answers instead (de-duplication per instance until it is back).
 *
 * @example
 * const store = new RedisIdempotencyStore(redis, { keyPrefix: "app:realtime:", decode: decodePublishAck, busy: busyPublishAck });
 */
export class RedisIdempotencyStore<T> implements IIdempotencyStore<T> {
  readonly #client: RedisClientType;
  readonly #options: RedisIdempotencyStoreOptions<T>;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  readonly #local = new Map<string, Promise<IdempotentRun<T>>>();
  readonly #fallback = new InMemoryIdempotencyStore<T>();
  readonly #latch: RedisOutageLatch;

  constructor(client: RedisClientType, options: RedisIdempotencyStoreOptions<T>) {
    this.#client = client;
    this.#options = options;
    this.#prefix = options.keyPrefix ?? "realtime:";
    this.#timeoutMs = options.timeoutMs ?? 500;
    this.#latch = new RedisOutageLatch(client, { store: "idempotency", logger: options.logger });
  }

  run(owner: string, key: string, operation: () => Promise<T>, options: IdempotencyRunOptions<T>): Promise<IdempotentRun<T>> {
    const index = `${this.#prefix}idem:{${owner}}`;
    const entry = `${index}:${createHash("sha256").update(key).digest("base64url").slice(0, 32)}`;
    const running = this.#local.get(entry);
    if (running !== undefined) return running.then(({ value }) => ({ value, duplicate: true }));
    const run = this.#runShared(owner, key, entry, index, operation, options).finally(() => this.#local.delete(entry));
    this.#local.set(entry, run);
    return run;
  }

  clear(): void {
    this.#local.clear();
    this.#fallback.clear();
  }

  async #runShared(
    owner: string,
    key: string,
    entry: string,
    index: string,
    operation: () => Promise<T>,
    options: IdempotencyRunOptions<T>,
  ): Promise<IdempotentRun<T>> {
    const claimTtlMs = this.#options.claimTtlMs ?? 30_000;
    const deadline = Date.now() + (this.#options.waitMs ?? 5_000);
    for (;;) {
      const lookup = await this.#latch.run("claim", () => this.#claim(entry, index, claimTtlMs, options), () => undefined);
      if (lookup === undefined) return this.#fallback.run(owner, key, operation, options);
      if (lookup.kind === "done") return { value: lookup.value, duplicate: true };
      if (lookup.kind === "claimed") return { value: await this.#runClaimed(entry, index, lookup.token, operation, options), duplicate: false };
      // Running on another instance: wait for its outcome, or for its claim to be given back or to expire.
      const remaining = deadline - Date.now();
      if (remaining <= 0) return { value: this.#options.busy(await this.#claimTtlLeft(entry, claimTtlMs)), duplicate: true };
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.#options.pollMs ?? 50, remaining)));
    }
  }

  async #claim(entry: string, index: string, claimTtlMs: number, options: IdempotencyRunOptions<T>): Promise<Lookup<T>> {
    const token = randomUUID();
    const args = [token, String(claimTtlMs), String(options.ttlMs), String(options.maxKeysPerOwner)];
    const reply = await boundedRedisCall(this.#client, this.#timeoutMs, "idempotency claim", () => CLAIM.run(this.#client, [entry, index], args));
    if (reply === null) return { kind: "claimed", token };
    if (typeof reply === "string" && reply.startsWith("d:")) return { kind: "done", value: this.#options.decode(JSON.parse(reply.slice(2))) };
    return { kind: "running" };
  }

  async #runClaimed(entry: string, index: string, token: string, operation: () => Promise<T>, options: IdempotencyRunOptions<T>): Promise<T> {
    let value: T;
    try {
      value = await operation();
    } catch (error) {
      await this.#release(entry, index, token);
      throw error;
    }
    if (!options.keep(value)) {
      await this.#release(entry, index, token);
      return value;
    }
    try {
      const done = `d:${JSON.stringify(value)}`;
      await boundedRedisCall(this.#client, this.#timeoutMs, "idempotency finish", () =>
        FINISH.run(this.#client, [entry], [token, done, String(options.ttlMs)]),
      );
    } catch (error) {
      // The run happened; a retry elsewhere waits for the claim to expire, then runs again. Logged, not hidden.
      this.#options.logger?.warn({ err: error }, "idempotency_finish_failed");
    }
    return value;
  }

  async #release(entry: string, index: string, token: string): Promise<void> {
    try {
      await boundedRedisCall(this.#client, this.#timeoutMs, "idempotency release", () => RELEASE.run(this.#client, [entry, index], [token]));
    } catch (error) {
      this.#options.logger?.warn({ err: error }, "idempotency_release_failed");
    }
  }

  async #claimTtlLeft(entry: string, fallbackMs: number): Promise<number> {
    try {
      const left = await boundedRedisCall(this.#client, this.#timeoutMs, "idempotency pttl", () => this.#client.pTTL(entry));
      return left > 0 ? left : 1;
    } catch (error) {
      this.#options.logger?.warn({ err: error }, "idempotency_pttl_failed");
      return fallbackMs;
    }
  }
}
