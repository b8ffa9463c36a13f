import type { OutboxRecord } from "./outbox-record";

/** What became of one record handed to a relay's delivery. */
export type OutboxDeliveryOutcome =
  | { readonly kind: "delivered" }
  /** Delivery failed for now (shared store away, channel unknown here): keep it, and everything after it on its channel, for later. */
  | { readonly kind: "retry"; readonly error: string; readonly nextAttemptAt: number }
  /** It can never be delivered (payload no longer valid): settle it so the channel moves on. */
  | { readonly kind: "dead"; readonly error: string };

export interface OutboxChannelDrain {
  /** False when another relay holds the channel right now (it delivers these records). */
  readonly claimed: boolean;
  readonly delivered: number;
  readonly dead: number;
  /** The retry time set on the channel's head when a delivery failed. */
  readonly retryAt: number | undefined;
  /** More due records wait on the channel than this drain took. */
  readonly more: boolean;
}

export interface OutboxStats {
  readonly pending: number;
  /** `createdAt` of the oldest pending record, or null when none waits. */
  readonly oldestCreatedAt: number | null;
}

/**
 * The relay's view of the outbox table. One implementation per database
 * dialect (`postgres-outbox-store.ts` serves PostgreSQL and PGlite).
 */
export interface IOutboxStore {
  /** Concrete channels whose oldest pending record is due at `now`, oldest first. */
  dueChannels(now: number, limit: number): Promise<readonly string[]>;
  /**
   * Claims one channel for this relay alone, hands its due records to
   * `deliver` in commit order, stopping at the first that must be retried,
   * and settles the delivered and dead ones, all in one transaction.
   */
  drainChannel(
    channelKey: string,
    now: number,
    limit: number,
    deliver: (record: OutboxRecord) => Promise<OutboxDeliveryOutcome>,
  ): Promise<OutboxChannelDrain>;
  /** Deletes up to `limit` records settled before `settledBefore`; answers how many. */
  prune(settledBefore: number, limit: number): Promise<number>;
  stats(): Promise<OutboxStats>;
}
