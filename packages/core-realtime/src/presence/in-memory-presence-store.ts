import type { ExpiredPresence, IPresenceStore, PresenceConnection } from "./presence-store";
import type { PresenceMember, PresenceProfile } from "../protocol/wire-protocol";

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
  /** channel -> user -> profile of their latest touch; dropped with the user's last connection. */
  readonly #profiles = new Map<string, Map<string, PresenceProfile>>();
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
    for (const { userId, connectionId, profile } of connections) {
      if (profile !== undefined) this.#profilesOf(channel).set(userId, profile);
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
    this.#forget(channel, users, connection.userId);
    return Promise.resolve(true);
  }

  list(channel: string): Promise<readonly PresenceMember[]> {
    const now = this.#now();
    const members: PresenceMember[] = [];
    for (const [userId, leases] of this.#channels.get(channel) ?? []) {
      const connections = [...leases.values()].filter((end) => end > now).length;
      if (connections > 0) members.push({ ...this.#profiles.get(channel)?.get(userId), userId, connections });
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
        this.#forget(channel, users, userId);
        left.push({ channel, userId });
      }
    }
    return Promise.resolve(left);
  }

  #profilesOf(channel: string): Map<string, PresenceProfile> {
    let profiles = this.#profiles.get(channel);
    if (profiles === undefined) {
      profiles = new Map();
      this.#profiles.set(channel, profiles);
    }
    return profiles;
  }

  /** The user's last connection is gone: forget them, their profile, and the channel once empty. */
  #forget(channel: string, users: Map<string, Map<string, number>>, userId: string): void {
    users.delete(userId);
    this.#profiles.get(channel)?.delete(userId);
    if (users.size > 0) return;
    this.#channels.delete(channel);
    this.#profiles.delete(channel);
  }
}

function isLive(leases: ReadonlyMap<string, number>, now: number): boolean {
  for (const end of leases.values()) if (end > now) return true;
  return false;
}
