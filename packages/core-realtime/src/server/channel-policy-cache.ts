import type { ChannelPolicyAccess } from "../channels/channel-policy";

export interface ChannelPolicyCacheOptions {
  /** How long a verdict is reused. */
  readonly ttlMs: number;
  /** Most verdicts kept; the oldest is forgotten first. */
  readonly maxEntries: number;
  readonly now: () => number;
}

interface CachedVerdict {
  readonly allowed: boolean;
  readonly expiresAt: number;
}

/**
 * One socket's recent channel-policy verdicts, so a burst of publishes on one
 * channel reads feature state once, not once per frame. Short-lived (a
 * verdict may be stale for at most `ttlMs`; the re-authentication sweep
 * always asks afresh) and bounded (a socket naming thousands of channels
 * evicts only its own oldest verdicts). Lives and dies with its socket.
 *
 * @example
 * const cache = new ChannelPolicyCache({ ttlMs: 5_000, maxEntries: 256, now: Date.now });
 * const cached = cache.get("read", "polls.p1"); // undefined, true or false
 * cache.set("read", "polls.p1", true);
 */
export class ChannelPolicyCache {
  readonly #entries = new Map<string, CachedVerdict>();
  readonly #options: ChannelPolicyCacheOptions;

  constructor(options: ChannelPolicyCacheOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The verdict still fresh for this access and channel, or `undefined`. */
  get(access: ChannelPolicyAccess, channel: string): boolean | undefined {
    const key = cacheKey(access, channel);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.#options.now()) return entry.allowed;
    this.#entries.delete(key);
    return undefined;
  }

  set(access: ChannelPolicyAccess, channel: string, allowed: boolean): void {
    const key = cacheKey(access, channel);
    // Re-inserted at the end, so insertion order stays oldest-first.
    this.#entries.delete(key);
    this.#entries.set(key, { allowed, expiresAt: this.#options.now() + this.#options.ttlMs });
    while (this.#entries.size > this.#options.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }

  /** Forget everything: the user was re-authenticated (roles may have changed). */
  clear(): void {
    this.#entries.clear();
  }
}

function cacheKey(access: ChannelPolicyAccess, channel: string): string {
  return `${access} ${channel}`;
}
