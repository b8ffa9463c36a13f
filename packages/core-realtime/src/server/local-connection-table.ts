import type { RateLimit } from "../rate-limits/realtime-limits";
import { TokenBucket } from "../rate-limits/token-bucket";

interface UserEntry {
  readonly sockets: Set<string>;
  readonly bucket: TokenBucket;
}

/**
 * Per-user bookkeeping on one instance: which sockets a user holds (for the
 * connection cap) and the user's shared publish bucket. An entry lives exactly
 * as long as the user has a socket here, so nothing outlives its connections.
 *
 * @example
 * const table = new LocalConnectionTable({ capacity: 60, refillPerSecond: 30 });
 * if (!table.reserve("u1", socket.id, 20)) refuse("TOO_MANY_CONNECTIONS");
 */
export class LocalConnectionTable {
  readonly #users = new Map<string, UserEntry>();
  readonly #userRate: RateLimit;

  constructor(userRate: RateLimit) {
    this.#userRate = userRate;
  }

  /** Counts a socket against its user's cap; false (and nothing recorded) when the cap is reached. */
  reserve(userId: string, socketId: string, maxPerUser: number): boolean {
    let entry = this.#users.get(userId);
    if (entry === undefined) {
      entry = { sockets: new Set(), bucket: new TokenBucket(this.#userRate) };
      this.#users.set(userId, entry);
    }
    if (entry.sockets.has(socketId)) return true;
    if (entry.sockets.size >= maxPerUser) return false;
    entry.sockets.add(socketId);
    return true;
  }

  /** Idempotent: safe to call from both the socket's and the connection's close paths. */
  release(userId: string, socketId: string): void {
    const entry = this.#users.get(userId);
    if (entry === undefined) return;
    entry.sockets.delete(socketId);
    if (entry.sockets.size === 0) this.#users.delete(userId);
  }

  /** The user's publish bucket; only meaningful while the user holds a socket. */
  userBucket(userId: string): TokenBucket | undefined {
    return this.#users.get(userId)?.bucket;
  }

  connectionsOf(userId: string): number {
    return this.#users.get(userId)?.sockets.size ?? 0;
  }

  get users(): number {
    return this.#users.size;
  }
}
