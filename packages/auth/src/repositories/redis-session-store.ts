import type { RedisClient } from "@repo/core-di";
import { z } from "zod";
import type { Session } from "../domain/session";
import type { ISessionStore } from "./session-store";

export interface RedisSessionStoreOptions {
  /** Key prefix; tests pass a unique one. Defaults to `auth:session:`. */
  readonly keyPrefix?: string;
  readonly now?: () => number;
}

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

  constructor(redis: RedisClient, options: RedisSessionStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.keyPrefix ?? "auth:session:";
    this.#now = options.now ?? Date.now;
  }

  async create(session: Session): Promise<void> {
    const ttlMs = session.expiresAt - this.#now();
    // Already expired: storing it would only make Redis reject PX <= 0.
    if (ttlMs <= 0) return;
    const value = JSON.stringify({ userId: session.userId, createdAt: session.createdAt, expiresAt: session.expiresAt });
    await this.#redis.set(this.#key(session.id), value, { expiration: { type: "PX", value: ttlMs } });
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
    return (await this.#redis.del(this.#key(sessionId))) > 0;
  }

  #key(sessionId: string): string {
    return `${this.#prefix}${sessionId}`;
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
