import { createClient } from "redis";
import type { RedisClientType } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithRedis, probeRedis, testRedisKeyspace } from "@repo/core-testing-redis";
import { RedisChannelLog } from "./redis-channel-log";

const available = await probeRedis();
const history = { size: 5, ttlSeconds: 60 };

describeWithRedis(available)("RedisChannelLog against a real Redis", () => {
  const keyspace = testRedisKeyspace("channel-log");
  let redis: RedisClientType;
  beforeAll(async () => {
    redis = await keyspace.client();
  });
  afterAll(() => keyspace.dispose());

  // A generous Redis bound: past it the log falls back to its own epoch, a false failure on a loaded machine.
  const logOn = (prefix = keyspace.prefix) => new RedisChannelLog(redis, { keyPrefix: prefix, timeoutMs: 20_000 });

  it("numbers messages 1, 2, 3 per channel under one epoch, whichever instance appends", async () => {
    const a = logOn();
    const b = logOn();
    const stamps = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).append("feed", { i }, Date.now(), undefined)));
    expect(stamps.map((s) => s.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(stamps.map((s) => s.epoch)).size).toBe(1);
    expect((await a.append("other", {}, Date.now(), undefined)).seq).toBe(1);
  });

  it("stamps a batch with consecutive seq in one call while other instances append to the same channel", async () => {
    const a = logOn();
    const b = logOn();
    const batch = Array.from({ length: 10 }, (_, n) => ({ payload: { n }, id: `batch-${n}` }));
    const [stamped, ...singles] = await Promise.all([
      a.appendBatch("batched", batch, Date.now(), { size: 50, ttlSeconds: 60 }),
      ...Array.from({ length: 10 }, (_, i) => b.append("batched", { single: i }, Date.now(), { size: 50, ttlSeconds: 60 })),
    ]);
    const batchSeqs = Array.from({ length: 10 }, (_, i) => stamped.firstSeq + i);
    // The singles took every other number: none falls inside the batch's run.
    expect(singles.map((s) => s.seq).filter((seq) => batchSeqs.includes(seq))).toEqual([]);
    expect([...batchSeqs, ...singles.map((s) => s.seq)].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const replay = await b.readSince("batched", stamped.firstSeq - 1, stamped.epoch);
    if (!replay.recovered) throw new Error("expected a replay");
    expect(replay.messages.slice(0, 10).map((m) => [m.seq, m.payload, m.id])).toEqual(batch.map((entry, i) => [stamped.firstSeq + i, entry.payload, entry.id]));
  });

  it("replays exactly what came after `since`, in order, across instances", async () => {
    const writer = logOn();
    const reader = logOn();
    const first = await writer.append("replay", { n: 1 }, Date.now(), history);
    for (let n = 2; n <= 4; n++) await writer.append("replay", { n }, Date.now(), history);
    const result = await reader.readSince("replay", 1, first.epoch);
    expect(result).toMatchObject({ recovered: true, seq: 4, epoch: first.epoch });
    if (!result.recovered) throw new Error("expected a replay");
    expect(result.messages.map((m) => [m.seq, m.payload, m.channel])).toEqual([
      [2, { n: 2 }, "replay"],
      [3, { n: 3 }, "replay"],
      [4, { n: 4 }, "replay"],
    ]);
    expect(await reader.readSince("replay", 4, first.epoch)).toMatchObject({ recovered: true, messages: [] });
  });

  it.each([
    { what: "older than what is kept", since: 1, reason: "too-old" },
    { what: "in the future", since: 99, reason: "future" },
    { what: "negative", since: -1, reason: "future" },
    { what: "not an integer", since: 2.5, reason: "future" },
    { what: "not finite", since: Number.NaN, reason: "future" },
  ])("answers recovered: false for a since $what", async ({ since, reason }) => {
    const log = logOn();
    const channel = `bounded.${reason}.${String(since).replace(/\W/g, "")}`;
    for (let n = 1; n <= 8; n++) await log.append(channel, { n }, Date.now(), history);
    expect(await log.readSince(channel, since, undefined)).toMatchObject({ recovered: false, reason, seq: 8 });
  });

  it("answers no-history for a channel that keeps none, and epoch-changed for a foreign epoch", async () => {
    const log = logOn();
    const { epoch } = await log.append("plain", {}, Date.now(), undefined);
    await log.append("plain", {}, Date.now(), undefined);
    expect(await log.readSince("plain", 1, epoch)).toMatchObject({ recovered: false, reason: "no-history", seq: 2 });
    expect(await log.readSince("plain", 1, "another-epoch")).toMatchObject({ recovered: false, reason: "epoch-changed", epoch });
  });

  it("drops messages older than ttlSeconds from a replay", async () => {
    let now = Date.now();
    const log = new RedisChannelLog(redis, { keyPrefix: keyspace.prefix, now: () => now, timeoutMs: 20_000 });
    const { epoch } = await log.append("ttl", { n: 1 }, now, { size: 10, ttlSeconds: 1 });
    await log.append("ttl", { n: 2 }, now, { size: 10, ttlSeconds: 1 });
    now += 5_000;
    expect(await log.readSince("ttl", 0, epoch)).toMatchObject({ recovered: false, reason: "too-old" });
  });

  it("starts a new epoch when Redis lost the data (flush), so old positions are refused", async () => {
    const prefix = `${keyspace.prefix}flush:`;
    const log = logOn(prefix);
    const before = await log.append("flushed", { n: 1 }, Date.now(), history);
    await log.append("flushed", { n: 2 }, Date.now(), history);
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*` })) if (keys.length > 0) await redis.del(keys);
    const after = await log.append("flushed", { n: 3 }, Date.now(), history);
    expect(after.epoch).not.toBe(before.epoch);
    expect(after.seq).toBe(1);
    expect(await log.readSince("flushed", 2, before.epoch)).toMatchObject({ recovered: false, reason: "epoch-changed", epoch: after.epoch });
    // A second instance that still believes in the old epoch is corrected, never handed an old-epoch seq.
    expect(await logOn(prefix).append("flushed", {}, Date.now(), undefined)).toEqual({ seq: 2, epoch: after.epoch });
  });

  it("falls back to its own epoch while Redis is unreachable, then returns to Redis's", async () => {
    const broken: RedisClientType = createClient({ url: "redis://127.0.0.1:1", socket: { reconnectStrategy: false } });
    broken.on("error", () => undefined);
    const outage = new RedisChannelLog(broken, { keyPrefix: keyspace.prefix });
    const a = await outage.append("outage", { n: 1 }, Date.now(), history);
    const b = await outage.append("outage", { n: 2 }, Date.now(), history);
    expect(outage.degraded).toBe(true);
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a.epoch).toBe(b.epoch);
    // The fallback replays its own epoch and refuses Redis's as unavailable, not as a reset.
    expect(await outage.readSince("outage", 1, a.epoch)).toMatchObject({ recovered: true, messages: [{ seq: 2 }] });
    expect(await outage.readSince("outage", 1, "redis-epoch")).toMatchObject({ recovered: false, reason: "unavailable", epoch: a.epoch });

    const healthy = logOn();
    const stamp = await healthy.append("outage", {}, Date.now(), history);
    expect(stamp.epoch).not.toBe(a.epoch);
    expect(healthy.degraded).toBe(false);
  });
});

describe("RedisChannelLog without any Redis", () => {
  it("never throws to the broadcaster: a closed client is an outage, not a crash", async () => {
    const closed: RedisClientType = createClient({ url: "redis://127.0.0.1:1" });
    const log = new RedisChannelLog(closed);
    await expect(log.append("x", {}, Date.now(), undefined)).resolves.toMatchObject({ seq: 1 });
    await expect(log.readSince("x", 0, undefined)).resolves.toMatchObject({ recovered: false, reason: "no-history" });
  });
});
