import type { RedisClientType } from "redis";
import { z } from "zod";
import { DEFAULT_PRESENCE_TTL_MS, InMemoryPresenceStore } from "./in-memory-presence-store";
import type { PresenceStoreOptions } from "./in-memory-presence-store";
import type { ExpiredPresence, IPresenceStore, PresenceConnection } from "./presence-store";
import type { Logger } from "@repo/core-observability";
import { boundedRedisCall } from "../redis/redis-bounded-call";
import { RedisOutageLatch } from "../redis/redis-outage-latch";
import { RedisScript } from "../redis/redis-script";
import type { PresenceMember, PresenceProfile } from "../protocol/wire-protocol";

export interface RedisPresenceStoreOptions extends PresenceStoreOptions {
  /** Prefix of every key; default `realtime:`. Give each app (and each test run) its own. */
  readonly keyPrefix?: string;
  /** Longest wait for Redis per call. Default 1000 ms. */
  readonly timeoutMs?: number;
  /** Told once when Redis stops answering and once when it answers again. */
  readonly logger?: Logger;
  /** While Redis is away, how long calls use this instance's own store before one tries Redis again. Default 1000 ms. */
  readonly probeIntervalMs?: number;
}

// Layout per channel (hash-tagged by channel so one channel's keys share a slot):
//   <p>presence:{<channel>}:users          ZSET user -> latest lease end of any of their connections
//   <p>presence:{<channel>}:conns:<user>   ZSET connection -> lease end
//   <p>presence:{<channel>}:profiles       HASH user -> profile JSON (display name, roles), latest touch wins
// plus <p>presence:channels, the SET of channels that have members (what `expire` walks).

/** KEYS: users, channels, profiles. ARGV: now, lease end, ttl ms, conns prefix, channel, then user/connection/profile triples ("" = none). */
const TOUCH = new RedisScript(`
local now = tonumber(ARGV[1])
local joined, seen = {}, {}
for i = 6, #ARGV, 3 do
  local user, conn, profile = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local conns = ARGV[4] .. user
  local lease = redis.call('ZSCORE', KEYS[1], user)
  if (not lease or tonumber(lease) <= now) and not seen[user] then table.insert(joined, user) end
  seen[user] = true
  redis.call('ZREMRANGEBYSCORE', conns, '-inf', now)
  redis.call('ZADD', conns, ARGV[2], conn)
  redis.call('PEXPIRE', conns, ARGV[3] * 2)
  redis.call('ZADD', KEYS[1], 'GT', ARGV[2], user)
  if profile ~= '' then redis.call('HSET', KEYS[3], user, profile) end
end
redis.call('PEXPIRE', KEYS[1], ARGV[3] * 2)
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[3] * 2) end
redis.call('SADD', KEYS[2], ARGV[5])
return joined
`);

/** KEYS: users, conns of the user, profiles. ARGV: now, user, connection. Answers 1 when the user left. */
const REMOVE = new RedisScript(`
redis.call('ZREM', KEYS[2], ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[2]) > 0 then
  local newest = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
  redis.call('ZADD', KEYS[1], newest[2], ARGV[2])
  return 0
end
redis.call('DEL', KEYS[2])
redis.call('HDEL', KEYS[3], ARGV[2])
return redis.call('ZREM', KEYS[1], ARGV[2])
`);

/** KEYS: users, profiles. ARGV: now, conns prefix. Answers user, count, profile ("" = none), user, count, profile, ... */
const LIST = new RedisScript(`
local out = {}
for _, user in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf')) do
  local live = redis.call('ZCOUNT', ARGV[2] .. user, '(' .. ARGV[1], '+inf')
  if live > 0 then
    table.insert(out, user)
    table.insert(out, live)
    table.insert(out, redis.call('HGET', KEYS[2], user) or '')
  end
end
return out
`);

/** KEYS: users, channels, profiles. ARGV: now, conns prefix, channel. Answers the users whose every lease ran out. */
const EXPIRE = new RedisScript(`
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, user in ipairs(gone) do
  redis.call('ZREM', KEYS[1], user)
  redis.call('DEL', ARGV[2] .. user)
  redis.call('HDEL', KEYS[3], user)
end
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[3]) end
return gone
`);

const ZUsers = z.array(z.string());
const ZListReply = z.array(z.union([z.string(), z.number()]));
/** A stored profile is read back through this: anything else (an older or foreign writer) shows the member without one. */
const ZStoredProfile = z.object({ displayName: z.string().optional(), roles: z.array(z.string()).optional() });

function encodeProfile(profile: PresenceProfile | undefined): string {
  return profile === undefined || (profile.displayName === undefined && profile.roles === undefined) ? "" : JSON.stringify(profile);
}

function decodeProfile(stored: string | number | undefined): PresenceProfile {
  if (typeof stored !== "string" || stored === "") return {};
  try {
    const parsed = ZStoredProfile.safeParse(JSON.parse(stored));
    if (!parsed.success) return {};
    const { displayName, roles } = parsed.data;
    return { ...(displayName === undefined ? {} : { displayName }), ...(roles === undefined ? {} : { roles }) };
  } catch (error) {
    // Not JSON: written by something else under our prefix. The member still shows, by id.
    if (error instanceof SyntaxError) return {};
    throw error;
  }
}

/**
 * `IPresenceStore` on Redis, shared by every instance. Each connection is a
 * lease that its instance renews (`touch`) on every heartbeat; an instance
 * that dies stops renewing, and the first `expire` after the TTL, on any
 * instance, removes its connections and reports each user who left exactly
 * once (the Lua scripts make every step atomic).
 *
 * While Redis is away (`RedisOutageLatch`), this instance's own in-memory
 * store answers: members connected to this instance, kept current by the
 * tracker's heartbeat. When Redis is back the heartbeat renews every local
 * lease there (re-announcing joins whose lease ran out) and `expire` reports
 * whoever left meanwhile; the outage's local store is then forgotten.
 *
 * @example
 * const presence = new RedisPresenceStore(redis, { keyPrefix: "app:realtime:", ttlMs: 30_000 });
 * const server = new SocketIORealtimeServer({ httpServer, registry, authenticator, logger, presence });
 */
export class RedisPresenceStore implements IPresenceStore {
  readonly #client: RedisClientType;
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  readonly #now: () => number;
  readonly #options: RedisPresenceStoreOptions;
  readonly #latch: RedisOutageLatch;
  #fallback: InMemoryPresenceStore;

  constructor(client: RedisClientType, options: RedisPresenceStoreOptions = {}) {
    this.#client = client;
    this.#prefix = options.keyPrefix ?? "realtime:";
    this.#ttlMs = options.ttlMs ?? DEFAULT_PRESENCE_TTL_MS;
    this.#timeoutMs = options.timeoutMs ?? 1_000;
    this.#now = options.now ?? Date.now;
    this.#options = options;
    this.#fallback = new InMemoryPresenceStore(options);
    this.#latch = new RedisOutageLatch(client, {
      store: "presence",
      logger: options.logger,
      probeIntervalMs: options.probeIntervalMs,
      now: this.#now,
      onRecovered: () => (this.#fallback = new InMemoryPresenceStore(this.#options)),
    });
  }

  touch(channel: string, connections: readonly PresenceConnection[]): Promise<readonly string[]> {
    return this.#latch.run("touch", () => this.#touch(channel, connections), () => this.#fallback.touch(channel, connections), { channel });
  }

  remove(channel: string, connection: PresenceConnection): Promise<boolean> {
    return this.#latch.run("remove", () => this.#remove(channel, connection), () => this.#fallback.remove(channel, connection), { channel });
  }

  list(channel: string): Promise<readonly PresenceMember[]> {
    return this.#latch.run("list", () => this.#list(channel), () => this.#fallback.list(channel), { channel });
  }

  expire(): Promise<readonly ExpiredPresence[]> {
    return this.#latch.run("expire", () => this.#expire(), () => this.#fallback.expire());
  }

  async #touch(channel: string, connections: readonly PresenceConnection[]): Promise<readonly string[]> {
    if (connections.length === 0) return [];
    const now = this.#now();
    const triples = connections.flatMap((c) => [c.userId, c.connectionId, encodeProfile(c.profile)]);
    const args = [String(now), String(now + this.#ttlMs), String(this.#ttlMs), this.#connsPrefix(channel), channel, ...triples];
    const keys = [this.#usersKey(channel), this.#channelsKey(), this.#profilesKey(channel)];
    const reply = await this.#run("touch", () => TOUCH.run(this.#client, keys, args));
    return ZUsers.parse(reply);
  }

  async #remove(channel: string, connection: PresenceConnection): Promise<boolean> {
    const keys = [this.#usersKey(channel), this.#connsPrefix(channel) + connection.userId, this.#profilesKey(channel)];
    const args = [String(this.#now()), connection.userId, connection.connectionId];
    const reply = await this.#run("remove", () => REMOVE.run(this.#client, keys, args));
    return z.number().parse(reply) === 1;
  }

  async #list(channel: string): Promise<readonly PresenceMember[]> {
    const args = [String(this.#now()), this.#connsPrefix(channel)];
    const keys = [this.#usersKey(channel), this.#profilesKey(channel)];
    const flat = ZListReply.parse(await this.#run("list", () => LIST.run(this.#client, keys, args)));
    const members: PresenceMember[] = [];
    for (let i = 0; i + 2 < flat.length; i += 3) {
      members.push({ ...decodeProfile(flat[i + 2]), userId: String(flat[i]), connections: Number(flat[i + 1]) });
    }
    return members.sort((a, b) => a.userId.localeCompare(b.userId));
  }

  async #expire(): Promise<readonly ExpiredPresence[]> {
    const channels = await this.#run("expire", () => this.#client.sMembers(this.#channelsKey()));
    const left: ExpiredPresence[] = [];
    for (const channel of ZUsers.parse(channels)) {
      const args = [String(this.#now()), this.#connsPrefix(channel), channel];
      const keys = [this.#usersKey(channel), this.#channelsKey(), this.#profilesKey(channel)];
      const gone = await this.#run("expire", () => EXPIRE.run(this.#client, keys, args));
      for (const userId of ZUsers.parse(gone)) left.push({ channel, userId });
    }
    return left;
  }

  #run<T>(what: string, call: () => Promise<T>): Promise<T> {
    return boundedRedisCall(this.#client, this.#timeoutMs, `presence ${what}`, call);
  }

  #usersKey(channel: string): string {
    return `${this.#prefix}presence:{${channel}}:users`;
  }

  #connsPrefix(channel: string): string {
    return `${this.#prefix}presence:{${channel}}:conns:`;
  }

  #profilesKey(channel: string): string {
    return `${this.#prefix}presence:{${channel}}:profiles`;
  }

  #channelsKey(): string {
    return `${this.#prefix}presence:channels`;
  }
}
