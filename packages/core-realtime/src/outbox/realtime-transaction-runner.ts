import type { Kysely, Transaction } from "kysely";
import type { IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import { OutboxRealtimeBroadcaster } from "./outbox-realtime-broadcaster";

/** What a use case's transaction body receives. */
export interface RealtimeTransactionScope<DB> {
  /** The database transaction: write the state change through it. */
  readonly trx: Transaction<DB>;
  /** Broadcasts stored with the change, delivered after commit (never when it rolls back). */
  readonly realtime: IRealtimeBroadcaster;
}

/** What a committed transaction stored in the outbox. */
export interface CommittedOutboxRecords {
  readonly messageIds: readonly string[];
  /** The concrete channels written to, each once, in first-write order. */
  readonly channels: readonly string[];
}

/** Commit hooks; `committed` hears what the transaction stored. */
interface RealtimeTransactionHooks {
  /** Runs right after commit, before anything is delivered (the relay kick, a test-only fault hook). */
  readonly afterCommit?: readonly ((committed: CommittedOutboxRecords) => void)[];
}

/**
 * Runs a state change and the broadcasts it causes in one database
 * transaction (the transactional outbox, ADR-021). Features get one from
 * their bind context and never write outbox rows themselves.
 *
 * @example
 * await transactions.run(async ({ trx, realtime }) => {
 *   await trx.insertInto("poll_votes").values(vote).execute();
 *   await realtime.broadcast(pollChannel, { pollId }, tally);
 * });
 */
export interface IRealtimeTransactionRunner {
  run<DB, T>(body: (scope: RealtimeTransactionScope<DB>) => Promise<T>): Promise<T>;
}

export interface RealtimeTransactionRunnerOptions extends RealtimeTransactionHooks {
  readonly now?: () => number;
  readonly newMessageId?: () => string;
}

/**
 * The runner over a Kysely database (PostgreSQL or PGlite).
 *
 * @example
 * const transactions = createRealtimeTransactionRunner(database.db, { afterCommit: [() => relay.kick()] });
 */
export function createRealtimeTransactionRunner<S>(db: Kysely<S>, options: RealtimeTransactionRunnerOptions = {}): IRealtimeTransactionRunner {
  const hooks = options.afterCommit ?? [];
  return {
    async run<DB, T>(body: (scope: RealtimeTransactionScope<DB>) => Promise<T>): Promise<T> {
      let realtime: OutboxRealtimeBroadcaster | undefined;
      const result = await db.transaction().execute(async (trx) => {
        // The outbox writes raw SQL on the transaction and names no table of the schema.
        realtime = new OutboxRealtimeBroadcaster(trx as unknown as Kysely<unknown>, options);
        // The feature names its own tables; the outbox only needs the transaction itself.
        return body({ trx: trx as unknown as Transaction<DB>, realtime });
      });
      const messageIds = realtime?.messageIds ?? [];
      const channels = realtime?.channels ?? [];
      if (messageIds.length > 0) for (const hook of hooks) hook({ messageIds, channels });
      return result;
    },
  };
}
