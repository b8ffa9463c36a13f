import type { Session } from "../domain/session";
import type { ISessionStore } from "./session-store";

export interface InMemorySessionStoreOptions {
  readonly now?: () => number;
}

/**
 * Sessions in a Map, for a single instance (they do not survive a restart).
 * Expired entries are dropped when read and swept on each `create`, so the
 * map cannot grow with sessions nobody uses again.
 *
 * @example
 * const sessions = new InMemorySessionStore();
 * await sessions.create({ id, userId: "alice", createdAt: now, expiresAt: now + 86_400_000 });
 */
export class InMemorySessionStore implements ISessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #now: () => number;

  constructor(options: InMemorySessionStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  async create(session: Session): Promise<void> {
    this.#sweep();
    this.#sessions.set(session.id, Object.freeze({ ...session }));
  }

  async get(sessionId: string): Promise<Session | null> {
    const session = this.#sessions.get(sessionId);
    if (session === undefined) return null;
    if (session.expiresAt <= this.#now()) {
      this.#sessions.delete(sessionId);
      return null;
    }
    return session;
  }

  async delete(sessionId: string): Promise<boolean> {
    return this.#sessions.delete(sessionId);
  }

  /** Sessions currently held, expired ones included until swept (for tests). */
  get size(): number {
    return this.#sessions.size;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [id, session] of this.#sessions) {
      if (session.expiresAt <= now) this.#sessions.delete(id);
    }
  }
}
