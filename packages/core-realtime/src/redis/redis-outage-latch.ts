import type { RedisClientType } from "redis";
import type { Logger } from "@repo/core-observability";
import { RedisUnavailableError } from "./redis-bounded-call";

/** How long a tripped latch keeps calls away from Redis before one call probes it again. */
const DEFAULT_REDIS_PROBE_INTERVAL_MS = 1_000;

export interface RedisOutageLatchOptions {
  /** Names the store in every log line (`store` field), e.g. `channel-log`, `rate-limit`, `presence`. */
  readonly store: string;
  readonly logger?: Logger;
  /** After a failure, calls skip Redis for this long and go straight to the fallback. Default 1000 ms. */
  readonly probeIntervalMs?: number;
  readonly now?: () => number;
  /** Called when Redis answers again after an outage (e.g. to forget what the fallback held meanwhile). */
  readonly onRecovered?: () => void;
}

/**
 * The one outage policy of every Redis-backed store (channel log, rate
 * limits, presence, idempotency): a realtime server keeps serving its own
 * sockets from this instance's state while Redis is away.
 *
 * - Healthy: every call goes to Redis (bounded by the store's own timeout).
 * - A failed call trips the latch: one `redis_store_unavailable` warning per
 *   outage, and that call plus every call for the next `probeIntervalMs` is
 *   answered by the store's fallback without touching Redis, so an
 *   unresponsive Redis costs one timeout per interval, not one per call.
 * - After the interval one call probes Redis, and so does the first call
 *   after the client reconnected (a failure while it was not connected says
 *   nothing about the new connection); when Redis answers, the latch closes
 *   with one `redis_store_recovered` line, otherwise the interval starts again.
 * - A failure that is not an outage (Redis answered, but not as the store
 *   expected) is a bug: it is logged at error every time, then handled the same way.
 *
 * @example
 * const latch = new RedisOutageLatch(redis, { store: "rate-limit", logger });
 * const verdict = await latch.run("take", () => takeFromRedis(key), () => local.takeSync(key, limit));
 */
export class RedisOutageLatch {
  readonly #client: Pick<RedisClientType, "isReady">;
  readonly #store: string;
  readonly #log: Logger | undefined;
  readonly #probeIntervalMs: number;
  readonly #now: () => number;
  readonly #onRecovered: (() => void) | undefined;
  #downSince: number | undefined;
  #nextProbeAt = 0;
  /** Whether the client was connected when the last call failed. */
  #failedWhileReady = false;

  constructor(client: Pick<RedisClientType, "isReady">, options: RedisOutageLatchOptions) {
    this.#client = client;
    this.#store = options.store;
    this.#log = options.logger;
    this.#probeIntervalMs = options.probeIntervalMs ?? DEFAULT_REDIS_PROBE_INTERVAL_MS;
    this.#now = options.now ?? Date.now;
    this.#onRecovered = options.onRecovered;
  }

  /** True from a failed call until Redis answers again. */
  get degraded(): boolean {
    return this.#downSince !== undefined;
  }

  /**
   * Runs `call` against Redis unless the latch says to wait; `fallback`
   * answers otherwise, given the failure (a fallback may rethrow it, as the
   * channel log does for callers that retry by themselves).
   */
  async run<T>(
    what: string,
    call: () => Promise<T>,
    fallback: (error: unknown) => T | Promise<T>,
    context: Readonly<Record<string, unknown>> = {},
  ): Promise<T> {
    const now = this.#now();
    const reconnected = this.#client.isReady && !this.#failedWhileReady;
    if (this.#downSince !== undefined && now < this.#nextProbeAt && !reconnected) {
      return fallback(new RedisUnavailableError(`Redis is unavailable (${this.#store} ${what}); next attempt in ${this.#nextProbeAt - now} ms`));
    }
    let value: T;
    try {
      value = await call();
    } catch (error) {
      this.#failed(what, error, context);
      return fallback(error);
    }
    this.#answered();
    return value;
  }

  #answered(): void {
    if (this.#downSince === undefined) return;
    const outageMs = this.#now() - this.#downSince;
    this.#downSince = undefined;
    this.#log?.info({ store: this.#store, outageMs }, "redis_store_recovered");
    this.#onRecovered?.();
  }

  #failed(what: string, error: unknown, context: Readonly<Record<string, unknown>>): void {
    const now = this.#now();
    const fields = { ...context, store: this.#store, what, err: error };
    // A timeout or a closed connection is the outage the fallback exists for; anything else is a bug worth an error.
    this.#failedWhileReady = this.#client.isReady;
    const outage = error instanceof RedisUnavailableError || !this.#failedWhileReady;
    if (!outage) this.#log?.error(fields, "redis_store_failed");
    if (this.#downSince === undefined) {
      this.#downSince = now;
      this.#log?.warn(fields, "redis_store_unavailable");
    } else {
      this.#log?.debug(fields, "redis_store_still_unavailable");
    }
    this.#nextProbeAt = now + this.#probeIntervalMs;
  }
}
