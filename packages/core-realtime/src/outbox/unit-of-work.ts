import type { Transaction } from "kysely";
import type { IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import type { IRealtimeTransactionRunner } from "./realtime-transaction-runner";

/** What a use case's unit of work hands its body: the feature's repositories bound to one transaction, and its broadcaster. */
type UnitOfWorkScope<R> = R & { readonly realtime: IRealtimeBroadcaster };

/**
 * One transaction for a use case's state change and the broadcasts it causes
 * (ADR-021). Use cases depend on this, not on the database, so their unit
 * tests run on in-memory repositories (`inMemoryUnitOfWork` in
 * `@repo/core-testing`).
 */
export type UnitOfWork<R> = <T>(body: (scope: UnitOfWorkScope<R>) => Promise<T>) => Promise<T>;

/**
 * A feature's unit of work over the app's transaction runner: `bind` builds
 * the feature's repositories on the transaction, so their writes and the
 * outbox records commit or roll back together.
 *
 * @example
 * const work = unitOfWork(transactionsOf(ctx), (trx) => ({ notifications: new SqlNotificationRepository({ db: trx }) }));
 * await work(async ({ notifications, realtime }) => {
 *   await notifications.add(notification);
 *   await realtime.broadcast(notificationsChannel, { userId }, payload);
 * });
 */
export function unitOfWork<DB, R extends object>(runner: IRealtimeTransactionRunner, bind: (trx: Transaction<DB>) => R): UnitOfWork<R> {
  return <T>(body: (scope: UnitOfWorkScope<R>) => Promise<T>) => runner.run<DB, T>(({ trx, realtime }) => body({ ...bind(trx), realtime }));
}
