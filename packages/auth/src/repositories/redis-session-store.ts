import type { RedisClient } from "@repo/core-di";
import { z } from "zod";
import type { Session } from "../domain/session";
import { DEFAULT_MAX_SESSIONS_PER_USER } from "./session-store";
import type { ISessionStore } from "./session-store";

export interface RedisSessionStoreOptions {
  /** Key prefix; tests pass a unique one. Defaults to `auth:session:`. */
  readonly keyPrefix?: string;
  readonly now?: () => number;
  /** Live sessions per user; the oldest is revoked past it. */
  readonly maxSessionsPerUser?: number;
}

/**
 * One atomic step for every instance: store the session, add it to its
 * user's index (a sorted set by creation time, TTL stretched to the newest
 * session), and pop and delete the oldest past the bound. O(log n) in the
 * user's own (bounded) sessions; nothing else is read.
 * KEYS: session key, user index. ARGV: value, ttl ms, createdAt, session id, max, session key prefix.
 */
const CREATE_SCRIPT = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[5])
local revoked = {}
if excess > 0 then
  local popped = redis.call('ZPOPMIN', KEYS[2], excess)
  for i = 1, #popped, 2 do
    redis.call('DEL', ARGV[6] .. popped[i])
    revoked[#revoked + 1] = popped[i]
  end
end
return revoked
`;

const ZStoredSession = z.object({
  userId: z.string().min(1),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
});

/**
 * Sessions in Redis, one key per session with a TTL equal to the time left,
 * so every instance sees a sign-in and Redis forgets expired sessions itself.
 *
 * @example
 * const sessions = new RedisSessionStore(redis);
 * await sessions.create(session); // SET auth:session:<id> {...} PX <ms left>
 */
export class RedisSessionStore implements ISessionStore {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #now: () => number;
  readonly #max: number;

  constructor(redis: RedisClient, options: RedisSessionStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.keyPrefix ?? "auth:session:";
    this.#now = options.now ?? Date.now;
    this.#max = options.maxSessionsPerUser ?? DEFAULT_MAX_SESSIONS_PER_USER;
  }

  async create(session: Session): Promise<readonly string[]> {
    const ttlMs = Math.ceil(session.expiresAt - this.#now());
    // Already expired: storing it would only make Redis reject PX <= 0.
    if (ttlMs <= 0) return [];
    const value = JSON.stringify({ userId: session.userId, createdAt: session.createdAt, expiresAt: session.expiresAt });
    const revoked = await this.#redis.eval(CREATE_SCRIPT, {
      keys: [this.#key(session.id), this.#userKey(session.userId)],
      arguments: [value, String(ttlMs), String(session.createdAt), session.id, String(this.#max), this.#prefix],
    });
    return Array.isArray(revoked) ? revoked.map(String) : [];
  }

  async get(sessionId: string): Promise<Session | null> {
    const raw = await this.#redis.get(this.#key(sessionId));
    if (raw === null) return null;
    const parsed = ZStoredSession.safeParse(parseJson(raw));
    // A value we did not write (or an older format) is not a session.
    if (!parsed.success) return null;
    if (parsed.data.expiresAt <= this.#now()) return null;
    return { id: sessionId, ...parsed.data };
  }

  async delete(sessionId: string): Promise<boolean> {
    const raw = await this.#redis.get(this.#key(sessionId));
    const stored = raw === null ? null : ZStoredSession.safeParse(parseJson(raw));
    // Free its slot in the user's index too, or a signed-out session would count against the bound.
    if (stored?.success === true) await this.#redis.zRem(this.#userKey(stored.data.userId), sessionId);
    return (await this.#redis.del(this.#key(sessionId))) > 0;
  }

  #key(sessionId: string): string {
    return `${this.#prefix}${sessionId}`;
  }

  /** The user's index lives beside the sessions (`<prefix>user:<id>`); session ids never contain ':'. */
  #userKey(userId: string): string {
    return `${this.#prefix}user:${userId}`;
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    // Not JSON: not a value this store wrote, so not a session (the zod parse then rejects it).
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
