import type { AppDatabase } from "@repo/core-database";
import type { Logger, OutboxMetrics } from "@repo/core-observability";
import { createRealtimeTransactionRunner, OUTBOX_RELAY_SOURCE, OutboxRelay, PostgresOutboxStore, withBroadcastSource } from "@repo/core-realtime/server";
import type {
  BroadcastSourceAllowlist,
  CommittedOutboxRecords,
  IOutboxWakeSource,
  IRealtimeBroadcaster,
  IRealtimeHandlerRegistry,
  IRealtimeTransactionRunner,
} from "@repo/core-realtime/server";

export interface AppOutboxOptions {
  readonly database: AppDatabase;
  /** The real broadcaster (Socket.IO, or in memory without a server): gate 4, `seq`, history. */
  readonly broadcaster: IRealtimeBroadcaster;
  /** The broadcaster's source allowlist: the relay delivers as `outbox-relay:relay`. */
  readonly sources: BroadcastSourceAllowlist;
  /** Channels the relay may deliver to, by their template name (the features register them). */
  readonly registry: IRealtimeHandlerRegistry;
  readonly logger: Logger;
  readonly metrics: OutboxMetrics;
  /** Commits made elsewhere: PostgreSQL `LISTEN`, or the embedded store's `listen`; the commit hook and the poll wake the relay too. */
  readonly wake?: IOutboxWakeSource;
  /** The fallback poll; default the relay's (1000 ms). */
  readonly pollIntervalMs?: number;
  /** Runs right after a commit that stored records, before the relay is kicked (`OUTBOX_TEST_EXIT_AFTER_COMMIT`). */
  readonly afterCommit?: (committed: CommittedOutboxRecords) => void;
}

/** The app's transactional outbox (ADR-021): one runner for the features, one relay for this instance. */
export interface AppOutbox {
  readonly transactions: IRealtimeTransactionRunner;
  readonly relay: OutboxRelay;
  /** Starts the relay; call once every feature registered its channels. */
  start(): Promise<void>;
  /** Stops the relay after the pass in progress; idempotent. Undelivered records wait for any relay on the database. */
  stop(): Promise<void>;
}

/**
 * Wires the outbox for one instance: features write through `transactions`
 * (their change and its broadcasts in one transaction), the relay delivers
 * what committed through the real broadcaster. A commit on this instance
 * kicks its relay at once; commits elsewhere reach it through `wake` or the
 * poll. Every instance runs a relay; the store lets one claim each channel.
 *
 * @example
 * const outbox = createAppOutbox({ database, broadcaster, sources, registry, logger, metrics: createOutboxMetrics(registry) });
 * await outbox.start(); // after the features are bound
 */
export function createAppOutbox(options: AppOutboxOptions): AppOutbox {
  const channelByName = (name: string) => options.registry.listChannels().find((descriptor) => descriptor.name === name);
  const relay = new OutboxRelay({
    store: new PostgresOutboxStore(options.database.db),
    broadcaster: withBroadcastSource(options.broadcaster, options.sources.allow(OUTBOX_RELAY_SOURCE)),
    resolveChannel: channelByName,
    logger: options.logger,
    metrics: options.metrics,
    ...(options.wake === undefined ? {} : { wake: options.wake }),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
  });
  const transactions = createRealtimeTransactionRunner(options.database.db, {
    afterCommit: [...(options.afterCommit === undefined ? [] : [options.afterCommit]), () => relay.kick()],
  });
  let stopping: Promise<void> | undefined;
  return {
    transactions,
    relay,
    start: () => relay.start(),
    stop: () => (stopping ??= relay.stop()),
  };
}

/**
 * The test-only fault hook behind `OUTBOX_TEST_EXIT_AFTER_COMMIT`: exits the
 * process right after a transaction that wrote to `channel` committed, before
 * anything was broadcast, as a crash there would (the crash test, ADR-021).
 * `parseEnv` only keeps the variable under NODE_ENV=test.
 *
 * @example
 * createAppOutbox({ ..., afterCommit: exitAfterCommitOn("notifications.user.bob", (code) => process.exit(code)) });
 */
export function exitAfterCommitOn(channel: string, exit: (code: number) => void): (committed: CommittedOutboxRecords) => void {
  return (committed) => {
    if (committed.channels.includes(channel)) exit(OUTBOX_TEST_EXIT_CODE);
  };
}

/** The exit code of the fault hook, so a test tells the planned crash from any other exit. */
export const OUTBOX_TEST_EXIT_CODE = 86;
