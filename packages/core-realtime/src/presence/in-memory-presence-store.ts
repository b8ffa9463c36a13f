import type { ExpiredPresence, IPresenceStore, PresenceConnection } from "./presence-store";
import type { PresenceMember } from "../protocol/wire-protocol";

export interface PresenceStoreOptions {
  /** How long a connection stays listed without a `touch`. Default 30 s. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** Default presence lease: long enough to ride out a few missed heartbeats. */
export const DEFAULT_PRESENCE_TTL_MS = 30_000;

/**
 * Presence for one instance: channel -> user -> connection -> lease end.
 * Same lease semantics as `RedisPresenceStore`, so the two run one contract
 * suite; on a single instance nothing ever expires unless the process stalls.
 *
 * @example
 * const presence = new InMemoryPresenceStore();
 * await presence.touch("rooms.r1", [{ userId: "alice", connectionId: "s1" }]); // ["alice"]
 */
export class InMemoryPresenceStore implements IPresenceStore {
  readonly #channels = new Map<string, Map<string, Map<string, number>>>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: PresenceStoreOptions = {}) {
    this.#ttlMs = options.ttlMs ?? DEFAULT_PRESENCE_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  touch(channel: string, connections: readonly PresenceConnection[]): Promise<readonly string[]> {
    const now = this.#now();
    let users = this.#channels.get(channel);
    if (users === undefined) {
      users = new Map();
      this.#channels.set(channel, users);
    }
    const joined: string[] = [];
    for (const { userId, connectionId } of connections) {
      let leases = users.get(userId);
      if (leases === undefined) {
        leases = new Map();
        users.set(userId, leases);
      }
      if (!isLive(leases, now) && !joined.includes(userId)) joined.push(userId);
      leases.set(connectionId, now + this.#ttlMs);
    }
    return Promise.resolve(joined);
  }

  remove(channel: string, connection: PresenceConnection): Promise<boolean> {
    const users = this.#channels.get(channel);
    const leases = users?.get(connection.userId);
    if (users === undefined || leases === undefined || !leases.delete(connection.connectionId)) return Promise.resolve(false);
    if (isLive(leases, this.#now())) return Promise.resolve(false);
    users.delete(connection.userId);
    if (users.size === 0) this.#channels.delete(channel);
    return Promise.resolve(true);
  }

  list(channel: string): Promise<readonly PresenceMember[]> {
    const now = this.#now();
    const members: PresenceMember[] = [];
    for (const [userId, leases] of this.#channels.get(channel) ?? []) {
      const connections = [...leases.values()].filter((end) => end > now).length;
      if (connections > 0) members.push({ userId, connections });
    }
    return Promise.resolve(members.sort((a, b) => a.userId.localeCompare(b.userId)));
  }

  expire(): Promise<readonly ExpiredPresence[]> {
    const now = this.#now();
    const left: ExpiredPresence[] = [];
    for (const [channel, users] of this.#channels) {
      for (const [userId, leases] of users) {
        for (const [connectionId, end] of leases) if (end <= now) leases.delete(connectionId);
        if (leases.size > 0) continue;
        users.delete(userId);
        left.push({ channel, userId });
      }
      if (users.size === 0) this.#channels.delete(channel);
    }
    return Promise.resolve(left);
  }
}

function isLive(leases: ReadonlyMap<string, number>, now: number): boolean {
  for (const end of leases.values()) if (end > now) return true;
  return false;
}
