import type { Kysely, Transaction } from "kysely";

/**
 * Runs `body` in a transaction: the caller's when `db` already is one (a
 * repository built on a use case's transaction, ADR-021, joins it so its
 * writes commit or roll back with the outbox records beside them), a new one
 * otherwise. Kysely refuses to nest `transaction()` calls, hence the check.
 *
 * @example
 * return inTransaction(this.#db, async (trx) => { await lockUser(trx, userId); ... });
 */
export function inTransaction<DB, T>(db: Kysely<DB>, body: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return body(db);
  return db.transaction().execute((trx: Transaction<DB>) => body(trx));
}
