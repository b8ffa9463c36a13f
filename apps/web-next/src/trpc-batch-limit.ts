/**
 * How many calls one tRPC batch request may carry. Shared by the server
 * (`TRPC_MAX_BATCH_SIZE` must not go below what the pages send) and the
 * browser client, so the pages never send a batch the server refuses.
 * A pure constant file: the browser bundle imports it.
 */

/** Default of `TRPC_MAX_BATCH_SIZE`: a larger batch is refused whole with 400 and runs nothing. */
export const DEFAULT_TRPC_MAX_BATCH_SIZE = 10;

/** The most calls the app's own pages put in one batch (`httpBatchLink` `maxItems`); the server limit's floor. */
export const PAGE_TRPC_BATCH_ITEMS = 5;
