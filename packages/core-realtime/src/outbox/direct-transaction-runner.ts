import type { Kysely, Transaction } from "kysely";
import type { IRealtimeBroadcaster } from "../broadcast/realtime-broadcaster";
import { DeferredRealtimeBroadcaster } from "./deferred-realtime-broadcaster";
import type { IRealtimeTransactionRunner, RealtimeTransactionScope } from "./realtime-transaction-runner";

/**
 * A transaction runner without the outbox: the body's broadcasts are held and
 * sent through `broadcaster` right after commit (none after a rollback). A
 * crash between commit and send loses them, so the app never uses it; it
 * serves feature tests whose database has no outbox table (`transactionsOf`)
 * and the benchmark's direct path.
 *
 * @example
 * const transactions = createDirectTransactionRunner(database.db, new InMemoryRealtimeBroadcaster());
 */
export function createDirectTransactionRunner<S>(db: Kysely<S>, broadcaster: IRealtimeBroadcaster): IRealtimeTransactionRunner {
  return {
    async run<DB, T>(body: (scope: RealtimeTransactionScope<DB>) => Promise<T>): Promise<T> {
      const realtime = new DeferredRealtimeBroadcaster();
      // The feature names its own tables; the runner only needs the transaction itself.
      const result = await db.transaction().execute((trx) => body({ trx: trx as unknown as Transaction<DB>, realtime }));
      await realtime.flush(broadcaster);
      return result;
    },
  };
}
