import type { Session } from "../domain/session";
import { DEFAULT_MAX_SESSIONS_PER_USER } from "./session-store";
import type { ISessionStore } from "./session-store";

export interface InMemorySessionStoreOptions {
  readonly now?: () => number;
  /** Live sessions per user; the oldest is revoked past it. */
  readonly maxSessionsPerUser?: number;
}

/** Expired sessions looked at per `create`, oldest first: enough to keep pace, never a full scan. */
const SWEEP_PER_CREATE = 16;

/**
 * Sessions in a Map, for a single instance (they do not survive a restart).
 * Each user's sessions are also indexed in creation order, so bounding them
 * touches only that user's few entries. Expired entries are dropped when
 * read, and each `create` sweeps a few of the oldest (the Map keeps creation
 * order, which is expiry order for a fixed TTL), so unused sessions do not
 * pile up and sign-in never scans every session.
 *
 * @example
 * const sessions = new InMemorySessionStore({ maxSessionsPerUser: 20 });
 * await sessions.create({ id, userId: "alice", createdAt: now, expiresAt: now + 86_400_000 });
 */
export class InMemorySessionStore implements ISessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #byUser = new Map<string, Set<string>>();
  readonly #now: () => number;
  readonly #max: number;

  constructor(options: InMemorySessionStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#max = options.maxSessionsPerUser ?? DEFAULT_MAX_SESSIONS_PER_USER;
  }

  async create(session: Session): Promise<readonly string[]> {
    this.#sweep();
    if (session.expiresAt <= this.#now()) return [];
    this.#sessions.set(session.id, Object.freeze({ ...session }));
    const mine = this.#byUser.get(session.userId) ?? new Set<string>();
    mine.add(session.id);
    this.#byUser.set(session.userId, mine);
    const revoked: string[] = [];
    // A Set iterates in insertion order: the first id is the user's oldest session.
    for (const id of mine) {
      if (mine.size <= this.#max) break;
      this.#remove(id);
      revoked.push(id);
    }
    return revoked;
  }

  async get(sessionId: string): Promise<Session | null> {
    const session = this.#sessions.get(sessionId);
    if (session === undefined) return null;
    if (session.expiresAt <= this.#now()) {
      this.#remove(sessionId);
      return null;
    }
    return session;
  }

  async delete(sessionId: string): Promise<boolean> {
    return this.#remove(sessionId);
  }

  /** Sessions currently held, expired ones included until swept (for tests). */
  get size(): number {
    return this.#sessions.size;
  }

  #remove(sessionId: string): boolean {
    const session = this.#sessions.get(sessionId);
    if (session === undefined) return false;
    this.#sessions.delete(sessionId);
    const mine = this.#byUser.get(session.userId);
    mine?.delete(sessionId);
    if (mine?.size === 0) this.#byUser.delete(session.userId);
    return true;
  }

  #sweep(): void {
    const now = this.#now();
    let looked = 0;
    for (const [id, session] of this.#sessions) {
      if (looked++ >= SWEEP_PER_CREATE || session.expiresAt > now) break;
      this.#remove(id);
    }
  }
}
