import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "../../src/bind-all";
import { PAGE_TRPC_BATCH_ITEMS } from "../../src/trpc-batch-limit";

/**
 * A browser tRPC client for the app router, same origin (the session cookie
 * goes along), plain JSON like the server. Batches stay within the
 * server's `TRPC_MAX_BATCH_SIZE` (which may not go below PAGE_TRPC_BATCH_ITEMS).
 *
 * @example
 * const me = await createAppTrpcClient().auth.me.query();
 */
export function createAppTrpcClient() {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", maxItems: PAGE_TRPC_BATCH_ITEMS })] });
}

export type AppTrpcClient = ReturnType<typeof createAppTrpcClient>;
