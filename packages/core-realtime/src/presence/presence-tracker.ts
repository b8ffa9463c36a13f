import type { Logger } from "@repo/core-observability";
import type { IPresenceStore, PresenceConnection } from "./presence-store";
import type { PresenceMember, PresenceProfile, PresenceUpdate } from "../protocol/wire-protocol";

/** One local socket on a presence channel: whose it is and what the channel shows about them. */
interface LocalMember {
  readonly userId: string;
  readonly profile: PresenceProfile;
}

export interface PresenceTrackerOptions {
  readonly store: IPresenceStore;
  /** Makes connection ids unique across instances (socket ids survive a move between instances). */
  readonly instanceId: string;
  /** Tells a channel's subscribers, on every instance, that someone joined or left. */
  readonly announce: (update: PresenceUpdate) => void;
  readonly log: Logger;
}

/**
 * This instance's side of presence: which local sockets sit on which
 * presence channels, the join/leave announcements, and the heartbeat that
 * renews this instance's leases and expires those of dead instances. The
 * Redis store rides out an outage by itself (`RedisOutageLatch`); any other
 * store failure is logged and never fails a subscription: the next heartbeat
 * puts every local connection back.
 *
 * @example
 * const tracker = new PresenceTracker({ store, instanceId, announce: (u) => io.to(channelRoom(u.channel)).emit(...), log });
 * await tracker.join("rooms.r1", "alice", socket.id, { displayName: "Alice" });
 */
export class PresenceTracker {
  readonly #store: IPresenceStore;
  readonly #instanceId: string;
  readonly #announce: (update: PresenceUpdate) => void;
  readonly #log: Logger;
  /** channel -> socket id -> member, for this instance's sockets only. */
  readonly #local = new Map<string, Map<string, LocalMember>>();
  #beating = false;

  constructor(options: PresenceTrackerOptions) {
    this.#store = options.store;
    this.#instanceId = options.instanceId;
    this.#announce = options.announce;
    this.#log = options.log;
  }

  /** `profile` (display name, roles where the scope allows) is stored with the connection and sent with the join. */
  async join(channel: string, userId: string, socketId: string, profile: PresenceProfile = {}): Promise<void> {
    let sockets = this.#local.get(channel);
    if (sockets === undefined) {
      sockets = new Map();
      this.#local.set(channel, sockets);
    }
    const member: LocalMember = { userId, profile };
    sockets.set(socketId, member);
    await this.#guard("join", channel, async () => {
      const joined = await this.#store.touch(channel, [this.#connection(member, socketId)]);
      for (const user of joined) this.#announce({ ...profile, channel, event: "join", userId: user });
    });
  }

  async leave(channel: string, socketId: string): Promise<void> {
    const sockets = this.#local.get(channel);
    const userId = sockets?.get(socketId)?.userId;
    if (sockets === undefined || userId === undefined) return;
    sockets.delete(socketId);
    if (sockets.size === 0) this.#local.delete(channel);
    await this.#guard("leave", channel, async () => {
      if (await this.#store.remove(channel, { userId, connectionId: this.#connectionId(socketId) })) this.#announce({ channel, event: "leave", userId });
    });
  }

  members(channel: string): Promise<readonly PresenceMember[]> {
    return this.#store.list(channel);
  }

  /** Renew every local lease, then expire everyone else's that ran out. Overlapping calls are skipped. */
  async heartbeat(): Promise<void> {
    if (this.#beating) return;
    this.#beating = true;
    try {
      for (const [channel, sockets] of [...this.#local]) {
        const connections = [...sockets].map(([socketId, member]) => this.#connection(member, socketId));
        await this.#guard("heartbeat", channel, async () => {
          for (const userId of await this.#store.touch(channel, connections)) {
            const profile = connections.find((connection) => connection.userId === userId)?.profile ?? {};
            this.#announce({ ...profile, channel, event: "join", userId });
          }
        });
      }
      await this.#guard("expire", "*", async () => {
        // Local leases were renewed just above, so whoever expires here was on an instance that stopped renewing.
        for (const { channel, userId } of await this.#store.expire()) this.#announce({ channel, event: "leave", userId });
      });
    } finally {
      this.#beating = false;
    }
  }

  /** How many presence channels have local sockets (for tests and metrics). */
  get channels(): number {
    return this.#local.size;
  }

  #connection(member: LocalMember, socketId: string): PresenceConnection {
    return { userId: member.userId, connectionId: this.#connectionId(socketId), profile: member.profile };
  }

  #connectionId(socketId: string): string {
    return `${this.#instanceId}:${socketId}`;
  }

  async #guard(what: string, channel: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      // Redis outages never reach here (its store falls back by itself): this is a bug, not weather.
      this.#log.error({ err: error, what, channel }, "realtime_presence_store_failed");
    }
  }
}
