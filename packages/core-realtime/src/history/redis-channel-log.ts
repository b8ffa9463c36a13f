import { randomUUID } from "node:crypto";
import type { RedisClientType } from "redis";
import { z } from "zod";
import type { Logger } from "@repo/core-observability";
import type { ChannelHistoryOptions } from "../channels/define-realtime-channel";
import { InMemoryChannelLog } from "./in-memory-channel-log";
import type { ChannelLogAppendOptions, ChannelLogEntry, HistoryReadResult, IChannelLog } from "./channel-log";
import { boundedRedisCall } from "../redis/redis-bounded-call";
import { RedisOutageLatch } from "../redis/redis-outage-latch";
import { RedisScript } from "../redis/redis-script";
import type { RealtimeMessage } from "../protocol/wire-protocol";

export interface RedisChannelLogOptions {
  /** Prefix of every key this log writes; default `realtime:`. Give each app (and each test run) its own. */
  readonly keyPrefix?: string;
  /** Longest wait for Redis per call; past it the call rejects and the broadcaster falls back to local delivery. Default 1000 ms. */
  readonly timeoutMs?: number;
  readonly now?: () => number;
  /** Told once when Redis stops answering and once when it answers again. */
  readonly logger?: Logger;
  /** While Redis is away, how long calls use the fallback before one tries Redis again (`RedisOutageLatch`). Default 1000 ms. */
  readonly probeIntervalMs?: number;
}

// Both scripts start the same way: read the epoch, create it when it is
// missing (the store lost its data), and refuse to touch keys built for
// another epoch, answering { 0, epoch } so the caller retries with the right keys.
const EPOCH_GUARD = `
local epoch = redis.call('GET', KEYS[1])
if not epoch then
  redis.call('SET', KEYS[1], ARGV[2])
  epoch = ARGV[2]
end
if epoch ~= ARGV[1] then return {0, epoch} end
`;

/**
 * Stamps one or more messages: consecutive seq values from one HINCRBY, each stored when the channel keeps history.
 * KEYS: epoch, meta, stream. ARGV: expected epoch, fresh epoch, history size (0 = none), ttl s, emittedAt, expiresAt,
 * then (payload, message id) per message. Answers { first seq, epoch }.
 */
const APPEND = new RedisScript(`${EPOCH_GUARD}
local count = (#ARGV - 6) / 2
local last = redis.call('HINCRBY', KEYS[2], 'seq', count)
local first = last - count + 1
local size = tonumber(ARGV[3])
if size > 0 then
  redis.call('HSET', KEYS[2], 'size', ARGV[3])
  for i = 0, count - 1 do
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[3], string.format('%d-0', first + i), 'p', ARGV[7 + 2 * i], 't', ARGV[5], 'x', ARGV[6], 'i', ARGV[8 + 2 * i])
  end
  redis.call('EXPIRE', KEYS[3], ARGV[4])
end
return {first, epoch}
`);

/** KEYS: epoch, meta, stream. ARGV: expected epoch, fresh epoch, since. */
const READ = new RedisScript(`${EPOCH_GUARD}
local meta = redis.call('HMGET', KEYS[2], 'seq', 'size')
local seq = tonumber(meta[1]) or 0
local size = tonumber(meta[2]) or 0
local since = tonumber(ARGV[3])
local entries = {}
if since < seq and size > 0 then
  local from = math.max(since + 1, seq - size + 1)
  entries = redis.call('XRANGE', KEYS[3], string.format('%d-0', from), '+')
end
return {1, epoch, seq, size, entries}
`);

/** KEYS: epoch, meta. ARGV: expected epoch, fresh epoch. */
const POSITION = new RedisScript(`${EPOCH_GUARD}
return {1, epoch, tonumber(redis.call('HGET', KEYS[2], 'seq')) or 0}
`);

const ZEpochMismatch = z.tuple([z.literal(0), z.string()]);
const ZAppended = z.tuple([z.number().int().positive(), z.string()]);
const ZPosition = z.tuple([z.literal(1), z.string(), z.number().int().min(0)]);
const ZStreamEntry = z.tuple([z.string(), z.array(z.string())]);
const ZRead = z.tuple([z.literal(1), z.string(), z.number().int().min(0), z.number().int().min(0), z.array(ZStreamEntry)]);

/** A history entry as stored: field/value pairs `p` (payload JSON), `t` (emittedAt), `x` (expiresAt), `i` (message id; absent in entries older than ADR-021). */
function decodeEntry(channel: string, epoch: string, [id, fields]: z.infer<typeof ZStreamEntry>): RealtimeMessage & { expiresAt: number } {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i]!, fields[i + 1]!);
  const messageId = values.get("i");
  const message = {
    channel,
    payload: JSON.parse(values.get("p") ?? "null") as unknown,
    seq: Number.parseInt(id, 10),
    epoch,
    emittedAt: Number(values.get("t") ?? 0),
    expiresAt: Number(values.get("x") ?? 0),
  };
  return messageId === undefined || messageId === "" ? message : { ...message, id: messageId };
}

/**
 * `IChannelLog` on Redis, shared by every instance: `seq` comes from one
 * counter per channel (so it is strictly increasing whichever instance
 * publishes), history is a Redis Stream per channel (`XADD MAXLEN ~ size`,
 * key TTL `ttlSeconds`), and both are assigned in one Lua script so a message
 * is never numbered without being stored. The epoch is a random id in
 * `<prefix>epoch`; when Redis loses its data (flushed, restarted without
 * persistence) the key is gone, a new epoch is created, and the counters,
 * namespaced by epoch, restart from 1 where clients can tell.
 *
 * Replays answer exactly like `InMemoryChannelLog`: only the newest `size`
 * messages count, and only while younger than `ttlSeconds`.
 *
 * When Redis does not answer, the log falls back to this instance's own
 * in-memory log under its own epoch: local subscribers keep receiving
 * (numbered, replayable on this instance), and the epoch change tells every
 * client that what it holds is no longer comparable. The first call that
 * reaches Redis again (`RedisOutageLatch` probes it once per interval)
 * switches back, which is again an epoch change.
 *
 * @example
 * const channelLog = new RedisChannelLog(redis, { keyPrefix: "realtime:" });
 * const server = new SocketIORealtimeServer({ httpServer, registry, authenticator, logger, channelLog });
 */
export class RedisChannelLog implements IChannelLog {
  readonly #client: RedisClientType;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  readonly #now: () => number;
  /** This instance's log while Redis is away; its epoch is never Redis's. */
  readonly #fallback: InMemoryChannelLog;
  readonly #latch: RedisOutageLatch;
  /** Last epoch seen; a wrong guess costs one retry, never a wrong seq. */
  #epoch = "";

  constructor(client: RedisClientType, options: RedisChannelLogOptions = {}) {
    this.#client = client;
    this.#prefix = options.keyPrefix ?? "realtime:";
    this.#timeoutMs = options.timeoutMs ?? 1_000;
    this.#now = options.now ?? Date.now;
    this.#fallback = new InMemoryChannelLog({ now: this.#now });
    this.#latch = new RedisOutageLatch(client, {
      store: "channel-log",
      logger: options.logger,
      probeIntervalMs: options.probeIntervalMs,
      now: this.#now,
    });
  }

  /** True while Redis is away and the fallback answers. */
  get degraded(): boolean {
    return this.#latch.degraded;
  }

  async append(
    channel: string,
    payload: unknown,
    emittedAt: number,
    history: ChannelHistoryOptions | undefined,
    options: ChannelLogAppendOptions = {},
  ): Promise<{ readonly seq: number; readonly epoch: string }> {
    return this.#latch.run(
      "append",
      async () => {
        const { firstSeq, epoch } = await this.#appendToRedis(channel, [{ payload, id: options.id ?? "" }], emittedAt, history);
        return { seq: firstSeq, epoch };
      },
      (error) => {
        // A durable caller (the outbox relay) retries later rather than reach only this instance's subscribers.
        if (options.durable === true) throw error;
        return this.#fallback.appendSync(channel, payload, emittedAt, history, options.id);
      },
      { channel, fallbackEpoch: this.#fallback.epoch },
    );
  }

  appendBatch(
    channel: string,
    entries: readonly ChannelLogEntry[],
    emittedAt: number,
    history: ChannelHistoryOptions | undefined,
    options: Pick<ChannelLogAppendOptions, "durable"> = {},
  ): Promise<{ readonly firstSeq: number; readonly epoch: string }> {
    return this.#latch.run(
      "appendBatch",
      () => this.#appendToRedis(channel, entries, emittedAt, history),
      (error) => {
        if (options.durable === true) throw error;
        return this.#fallback.appendBatchSync(channel, entries, emittedAt, history);
      },
      { channel, fallbackEpoch: this.#fallback.epoch },
    );
  }

  position(channel: string): Promise<{ readonly seq: number; readonly epoch: string }> {
    return this.#latch.run(
      "position",
      async () => {
        const run = (keys: readonly string[], expected: string) => POSITION.run(this.#client, keys.slice(0, 2), [expected, randomUUID()]);
        const [, epoch, seq] = await this.#withEpoch("position", channel, run, ZPosition);
        return { seq, epoch };
      },
      () => this.#fallback.position(channel),
      { channel, fallbackEpoch: this.#fallback.epoch },
    );
  }

  readSince(channel: string, since: number, epoch: string | undefined): Promise<HistoryReadResult> {
    return this.#latch.run(
      "readSince",
      () => this.#readFromRedis(channel, since, epoch),
      async () => {
        const local = await this.#fallback.readSince(channel, since, epoch);
        // Positions of the Redis epoch cannot be answered now: say so instead of calling it a reset.
        return !local.recovered && local.reason === "epoch-changed" ? { ...local, reason: "unavailable" } : local;
      },
      { channel, fallbackEpoch: this.#fallback.epoch },
    );
  }

  async #appendToRedis(
    channel: string,
    entries: readonly ChannelLogEntry[],
    emittedAt: number,
    history: ChannelHistoryOptions | undefined,
  ): Promise<{ readonly firstSeq: number; readonly epoch: string }> {
    const size = history?.size ?? 0;
    const ttlSeconds = Math.max(1, Math.ceil(history?.ttlSeconds ?? 1));
    // Payloads are only stored (and so only serialized) for channels that keep history.
    const messages = entries.flatMap((entry) => [size > 0 ? JSON.stringify(entry.payload) : "", entry.id]);
    const args = (epoch: string): string[] => [epoch, randomUUID(), String(size), String(ttlSeconds), String(emittedAt), String(emittedAt + ttlSeconds * 1000), ...messages];
    const reply = await this.#withEpoch("append", channel, (keys, epoch) => APPEND.run(this.#client, keys, args(epoch)), ZAppended);
    return { firstSeq: reply[0], epoch: reply[1] };
  }

  async #readFromRedis(channel: string, since: number, epoch: string | undefined): Promise<HistoryReadResult> {
    // A position this log cannot have handed out (negative, fractional, huge) is answered, never thrown on.
    const valid = Number.isSafeInteger(since) && since >= 0;
    const [, current, seq, size, entries] = await this.#withEpoch(
      "readSince",
      channel,
      (keys, expected) => READ.run(this.#client, keys, [expected, randomUUID(), String(valid ? since : 0)]),
      ZRead,
    );
    const base = { seq, epoch: current };
    if (epoch !== undefined && epoch !== current) return { recovered: false, reason: "epoch-changed", ...base };
    if (!valid || since > seq) return { recovered: false, reason: "future", ...base };
    if (since === seq) return { recovered: true, messages: [], ...base };
    if (size === 0) return { recovered: false, reason: "no-history", ...base };
    const now = this.#now();
    const kept = entries.map((entry) => decodeEntry(channel, current, entry)).filter((m) => m.expiresAt >= now);
    // Everything after `since` must still be kept, or the replay would have a hole.
    if (kept[0]?.seq !== since + 1) return { recovered: false, reason: "too-old", ...base };
    return { recovered: true, messages: kept.map(({ expiresAt: _expiresAt, ...message }) => message), ...base };
  }

  /** Runs a script against the current epoch's keys, retrying once when the epoch turned out to be another. */
  async #withEpoch<T>(
    what: string,
    channel: string,
    run: (keys: readonly string[], epoch: string) => Promise<unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const epoch = this.#epoch;
      const keys = [`${this.#prefix}epoch`, `${this.#prefix}${epoch}:meta:${channel}`, `${this.#prefix}${epoch}:history:${channel}`];
      const reply: unknown = await boundedRedisCall(this.#client, this.#timeoutMs, what, () => run(keys, epoch));
      const mismatch = ZEpochMismatch.safeParse(reply);
      if (!mismatch.success) return schema.parse(reply);
      this.#epoch = mismatch.data[1];
    }
    throw new Error(`RedisChannelLog: the epoch kept changing during ${what} on "${channel}"`);
  }
}
