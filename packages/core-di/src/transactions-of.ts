import { createDirectTransactionRunner } from "@repo/core-realtime/server";
import type { IRealtimeTransactionRunner } from "@repo/core-realtime/server";
import type { BindContext } from "./bind-context";
import { realtimeFor } from "./realtime-for";

/** A production bind context without `transactions`: broadcasts would skip the outbox and die with the process. */
export class TransactionsNotBoundError extends Error {
  override readonly name = "TransactionsNotBoundError";
}

/**
 * The transaction runner a feature's use cases write through (ADR-021):
 * `ctx.transactions` (the app's, over the outbox). A test context without
 * one gets a runner that sends the held broadcasts through `ctx.realtime`
 * right after commit (its database needs no outbox table); in production
 * that fallback would lose broadcasts on a crash, so it throws instead.
 *
 * @example
 * const work = unitOfWork(transactionsOf(ctx), (trx) => ({ polls: new SqlPollRepository({ db: trx }) }));
 */
export function transactionsOf(
  ctx: Pick<BindContext, "config" | "database" | "realtime" | "realtimeSources" | "transactions">,
): IRealtimeTransactionRunner {
  if (ctx.transactions !== undefined) return ctx.transactions;
  if (ctx.config.env === "production") {
    throw new TransactionsNotBoundError("BindContext.transactions is unset in production: the app binds features with its outbox transaction runner (bindAll).");
  }
  // The test-only path flushes as one use-case source; in the app the outbox relay delivers as its own.
  return createDirectTransactionRunner(ctx.database.db, realtimeFor(ctx, { kind: "use-case", name: "unit-of-work" }));
}
