import type { RedisClient } from "@repo/core-di";
import { z } from "zod";
import type { Notification } from "../domain/notification";
import { DEFAULT_MAX_NOTIFICATIONS_PER_USER } from "./notification-repository";
import type { AddNotificationResult, INotificationRepository, MarkReadResult } from "./notification-repository";

export interface RedisNotificationRepositoryOptions {
  /** Key prefix; tests pass a unique one. Defaults to `notifications:`. */
  readonly keyPrefix?: string;
  readonly maxPerUser?: number;
}

// One script per write so each is atomic: no instance can observe (or
// double-count) a half-applied add, and the unread count always matches the set.
// KEYS: items hash, order zset, unread set. ARGV: id, json, createdAt, maxPerUser.
const ADD_SCRIPT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return {0, redis.call('SCARD', KEYS[3])}
end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
if excess > 0 then
  local old = redis.call('ZRANGE', KEYS[2], 0, excess - 1)
  redis.call('ZREM', KEYS[2], unpack(old))
  redis.call('HDEL', KEYS[1], unpack(old))
  redis.call('SREM', KEYS[3], unpack(old))
end
return {1, redis.call('SCARD', KEYS[3])}
`;

// KEYS: unread set. ARGV: ids to mark (none: every unread one).
const MARK_READ_SCRIPT = `
local ids = ARGV
if #ARGV == 0 then ids = redis.call('SMEMBERS', KEYS[1]) end
local marked = {}
for _, id in ipairs(ids) do
  if redis.call('SREM', KEYS[1], id) == 1 then table.insert(marked, id) end
end
return {redis.call('SCARD', KEYS[1]), marked}
`;

const ZAddReply = z.tuple([z.number().int(), z.number().int()]);
const ZMarkReadReply = z.tuple([z.number().int(), z.array(z.string())]);
const ZStoredNotification = z.object({ title: z.string(), body: z.string(), createdAt: z.number() });

/**
 * Notifications in Redis, shared by every instance. Per user: a hash of
 * notifications by id, a sorted set by `createdAt` (for order and the cap) and
 * a set of unread ids (its size is the unread count). The user id is a hash
 * tag (`{alice}`), so one user's keys share a cluster slot and the scripts may
 * touch them together.
 *
 * @example
 * const notifications = new RedisNotificationRepository(redis);
 * await notifications.add({ id, userId: "bob", title: "Hi", body: "", createdAt: Date.now() });
 */
export class RedisNotificationRepository implements INotificationRepository {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #maxPerUser: number;

  constructor(redis: RedisClient, options: RedisNotificationRepositoryOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.keyPrefix ?? "notifications:";
    this.#maxPerUser = options.maxPerUser ?? DEFAULT_MAX_NOTIFICATIONS_PER_USER;
  }

  async add(notification: Omit<Notification, "read">): Promise<AddNotificationResult> {
    const keys = this.#keys(notification.userId);
    const json = JSON.stringify({ title: notification.title, body: notification.body, createdAt: notification.createdAt });
    const reply = await this.#redis.eval(ADD_SCRIPT, {
      keys: [keys.items, keys.order, keys.unread],
      arguments: [notification.id, json, String(notification.createdAt), String(this.#maxPerUser)],
    });
    const [added, unreadCount] = ZAddReply.parse(reply);
    return { added: added === 1, unreadCount };
  }

  async listForUser(userId: string, limit: number): Promise<Notification[]> {
    if (limit <= 0) return [];
    const keys = this.#keys(userId);
    const ids = await this.#redis.zRange(keys.order, 0, limit - 1, { REV: true });
    if (ids.length === 0) return [];
    const [stored, unread] = await Promise.all([this.#redis.hmGet(keys.items, ids), this.#redis.smIsMember(keys.unread, ids)]);
    const notifications: Notification[] = [];
    ids.forEach((id, i) => {
      const parsed = ZStoredNotification.safeParse(parseJson(stored[i] ?? null));
      // Trimmed between the two reads, or a value this repository did not write: not a notification.
      if (!parsed.success) return;
      notifications.push({ id, userId, ...parsed.data, read: unread[i] !== 1 });
    });
    return notifications;
  }

  async unreadCount(userId: string): Promise<number> {
    return this.#redis.sCard(this.#keys(userId).unread);
  }

  async markRead(userId: string, ids: readonly string[] | null): Promise<MarkReadResult> {
    // An empty list means "none", but the script reads no ids as "all": answer it here.
    if (ids !== null && ids.length === 0) return { markedIds: [], unreadCount: await this.unreadCount(userId) };
    const reply = await this.#redis.eval(MARK_READ_SCRIPT, {
      keys: [this.#keys(userId).unread],
      arguments: ids === null ? [] : [...new Set(ids)],
    });
    const [unreadCount, markedIds] = ZMarkReadReply.parse(reply);
    return { markedIds, unreadCount };
  }

  #keys(userId: string): { readonly items: string; readonly order: string; readonly unread: string } {
    const base = `${this.#prefix}{${userId}}`;
    return { items: `${base}:items`, order: `${base}:order`, unread: `${base}:unread` };
  }
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    // Not JSON: not a value this repository wrote (the zod parse then rejects it).
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
