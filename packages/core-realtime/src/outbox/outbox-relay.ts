import { noopOutboxMetrics } from "@repo/core-observability";
import type { Logger, OutboxMetrics } from "@repo/core-observability";
import type { BroadcastSource } from "../broadcast/broadcast-source";
import type { IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import type { AnyRealtimeChannel } from "../channels/define-realtime-channel";
import { RealtimeError } from "../protocol/errors";
import { DEFAULT_OUTBOX_BACKOFF, retryDelayMs } from "./outbox-backoff";
import type { OutboxBackoff } from "./outbox-backoff";
import type { OutboxRecord } from "./outbox-record";
import type { IOutboxStore, OutboxDeliveryOutcome } from "./outbox-store";
import type { IOutboxWakeSource } from "./outbox-wake-source";

/** The relay's sense of time; tests inject a fake one to step through backoff. */
export interface OutboxRelayClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: OutboxRelayClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface OutboxRelayOptions {
  readonly store: IOutboxStore;
  /**
   * The real broadcaster (gate 4: schema, `seq`, history), in durable mode,
   * bound to the relay's source (`withBroadcastSource(broadcaster,
   * broadcaster.sources.allow(OUTBOX_RELAY_SOURCE))`): the source gate refuses
   * an unbound one.
   */
  readonly broadcaster: IRealtimeBroadcaster;
  /** A channel descriptor by its name (the handler registry's channels). */
  readonly resolveChannel: (name: string) => AnyRealtimeChannel | undefined;
  readonly logger: Logger;
  readonly wake?: IOutboxWakeSource;
  readonly metrics?: OutboxMetrics;
  readonly clock?: OutboxRelayClock;
  /** Fallback poll when no wake-up came; default 1000 ms. */
  readonly pollIntervalMs?: number;
  readonly backoff?: OutboxBackoff;
  /** Records per channel per claim; default 100. */
  readonly batchSize?: number;
  /** Channels claimed per pass; default 32. */
  readonly channelsPerPass?: number;
  /** Channels delivered at once (each its own transaction and connection); default 4. */
  readonly concurrency?: number;
  /** How long settled records are kept before pruning; default one hour. */
  readonly retentionMs?: number;
  /** How often settled records are pruned; default one minute. */
  readonly pruneIntervalMs?: number;
}

export interface OutboxPassSummary {
  readonly delivered: number;
  readonly dead: number;
  /** Channels whose head failed and waits for its retry time. */
  readonly retrying: number;
}

/** The source the relay delivers as (`outbox-relay:relay`): the use case that wrote the record committed before it. */
export const OUTBOX_RELAY_SOURCE: BroadcastSource = Object.freeze({ kind: "outbox-relay", name: "relay" });

/** Codes that mean "this record can never be delivered", not "not now". */
const UNDELIVERABLE = new Set(["INVALID_PAYLOAD", "INVALID_PARAMS"]);

/**
 * Delivers committed outbox records through the real broadcaster, on every
 * instance (ADR-021). Wakes on the database's notifications, polls as a
 * fallback, claims whole channels (`IOutboxStore.drainChannel`), and on a
 * failed delivery keeps the record and everything after it on its channel,
 * retrying with exponential backoff. Settled records are pruned after
 * `retentionMs`.
 *
 * @example
 * const broadcaster = withBroadcastSource(server.broadcaster, server.broadcaster.sources.allow(OUTBOX_RELAY_SOURCE));
 * const relay = new OutboxRelay({ store, broadcaster, resolveChannel, logger, wake });
 * await relay.start();
 * await relay.stop();
 */
export class OutboxRelay {
  readonly #store: IOutboxStore;
  readonly #broadcaster: IRealtimeBroadcaster;
  readonly #resolveChannel: (name: string) => AnyRealtimeChannel | undefined;
  readonly #logger: Logger;
  readonly #wake: IOutboxWakeSource | undefined;
  readonly #metrics: OutboxMetrics;
  readonly #clock: OutboxRelayClock;
  readonly #pollIntervalMs: number;
  readonly #backoff: OutboxBackoff;
  readonly #batchSize: number;
  readonly #channelsPerPass: number;
  readonly #concurrency: number;
  readonly #retentionMs: number;
  readonly #pruneIntervalMs: number;
  #running = false;
  #passing: Promise<void> | undefined;
  #again = false;
  #timer: unknown;
  #timerAt = Number.POSITIVE_INFINITY;
  #pruneTimer: unknown;
  #stopWake: (() => Promise<void>) | undefined;

  constructor(options: OutboxRelayOptions) {
    this.#store = options.store;
    this.#broadcaster = options.broadcaster;
    this.#resolveChannel = options.resolveChannel;
    this.#logger = options.logger;
    this.#wake = options.wake;
    this.#metrics = options.metrics ?? noopOutboxMetrics;
    this.#clock = options.clock ?? systemClock;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.#backoff = options.backoff ?? DEFAULT_OUTBOX_BACKOFF;
    this.#batchSize = options.batchSize ?? 100;
    this.#channelsPerPass = options.channelsPerPass ?? 32;
    this.#concurrency = options.concurrency ?? 4;
    this.#retentionMs = options.retentionMs ?? 3_600_000;
    this.#pruneIntervalMs = options.pruneIntervalMs ?? 60_000;
  }

  /** Listens for wake-ups, delivers what is pending now, then polls. */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    if (this.#wake !== undefined) {
      try {
        this.#stopWake = await this.#wake.start(() => this.kick());
      } catch (error) {
        // Polling still delivers everything; only latency suffers.
        this.#logger.warn({ err: error }, "outbox_wake_unavailable");
      }
    }
    this.#schedulePrune();
    this.kick();
  }

  /** Stops timers and wake-ups and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#clock.clearTimeout(this.#timer);
    this.#clock.clearTimeout(this.#pruneTimer);
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    await this.#stopWake?.();
    this.#stopWake = undefined;
    await this.#passing;
  }

  /** Something was committed: run a pass now (or right after the one in progress). */
  kick(): void {
    if (!this.#running) return;
    if (this.#passing !== undefined) {
      this.#again = true;
      return;
    }
    this.#passing = this.#loop().finally(() => {
      this.#passing = undefined;
    });
  }

  /**
   * Delivers everything due now, channel by channel, until nothing due is
   * left that this relay could claim. Tests call it directly.
   */
  async drain(): Promise<OutboxPassSummary> {
    let delivered = 0;
    let dead = 0;
    const retrying = new Set<string>();
    for (;;) {
      const now = this.#clock.now();
      const channels = (await this.#store.dueChannels(now, this.#channelsPerPass)).filter((key) => !retrying.has(key));
      if (channels.length === 0) break;
      let progressed = false;
      await forEachLimited(channels, this.#concurrency, async (channelKey) => {
        const result = await this.#store.drainChannel(channelKey, now, this.#batchSize, (record) => this.#deliver(record));
        delivered += result.delivered;
        dead += result.dead;
        if (result.retryAt !== undefined) {
          retrying.add(channelKey);
          this.#scheduleAt(result.retryAt);
        }
        if (result.delivered > 0 || result.dead > 0) progressed = true;
      });
      // Everything left is claimed by another relay or waits for a retry: its owner (or the poll) takes it.
      if (!progressed) break;
    }
    return { delivered, dead, retrying: retrying.size };
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.drain();
        await this.#refreshBacklog();
      } catch (error) {
        // The database is away or a query failed: the poll tries again.
        this.#logger.error({ err: error }, "outbox_relay_pass_failed");
      }
    } while (this.#again && this.#running);
    this.#scheduleAt(this.#clock.now() + this.#pollIntervalMs);
  }

  async #deliver(record: OutboxRecord): Promise<OutboxDeliveryOutcome> {
    const descriptor = this.#resolveChannel(record.channel);
    if (descriptor === undefined) {
      // Another instance's newer code may know it (rolling deploy): retry, do not drop.
      return this.#retry(record, `Unknown channel "${record.channel}"`);
    }
    try {
      // The record was validated when it was written; the broadcaster validates again (gate 4 owns that rule).
      await this.#broadcaster.broadcast(descriptor, record.params, record.payload, {
        messageId: record.messageId,
        durable: true,
      });
    } catch (error) {
      if (error instanceof RealtimeError && UNDELIVERABLE.has(error.code)) {
        this.#logger.error({ err: error, channel: record.channelKey, messageId: record.messageId }, "outbox_record_undeliverable");
        this.#metrics.deadLettered(record.channel);
        return { kind: "dead", error: `${error.code}: ${error.message}` };
      }
      return this.#retry(record, error instanceof Error ? error.message : String(error));
    }
    this.#metrics.delivered(record.channel, Math.max(0, this.#clock.now() - record.createdAt) / 1000);
    return { kind: "delivered" };
  }

  #retry(record: OutboxRecord, error: string): OutboxDeliveryOutcome {
    const attempts = record.attempts + 1;
    const nextAttemptAt = this.#clock.now() + retryDelayMs(attempts, this.#backoff);
    this.#metrics.retried(record.channel);
    this.#logger.warn({ channel: record.channelKey, messageId: record.messageId, attempts, nextAttemptAt, error }, "outbox_delivery_retry");
    return { kind: "retry", error, nextAttemptAt };
  }

  async #refreshBacklog(): Promise<void> {
    const stats = await this.#store.stats();
    const age = stats.oldestCreatedAt === null ? 0 : Math.max(0, this.#clock.now() - stats.oldestCreatedAt) / 1000;
    this.#metrics.backlog(stats.pending, age);
  }

  /** One timer for the next pass, at the earliest time anyone asked for. */
  #scheduleAt(at: number): void {
    if (!this.#running || at >= this.#timerAt) return;
    this.#clock.clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = this.#clock.setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.kick();
      },
      Math.max(0, at - this.#clock.now()),
    );
  }

  #schedulePrune(): void {
    if (!this.#running) return;
    this.#pruneTimer = this.#clock.setTimeout(() => {
      void this.prune().finally(() => this.#schedulePrune());
    }, this.#pruneIntervalMs);
  }

  /** Deletes records settled longer than the retention period ago; answers how many. */
  async prune(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const removed = await this.#store.prune(this.#clock.now() - this.#retentionMs, 1_000);
        total += removed;
        if (removed < 1_000) break;
      }
    } catch (error) {
      this.#logger.error({ err: error }, "outbox_prune_failed");
    }
    return total;
  }
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
