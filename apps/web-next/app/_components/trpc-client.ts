import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "../../src/bind-all";

/**
 * A browser tRPC client for the app router, same origin (the session cookie
 * goes along), plain JSON like the server.
 *
 * @example
 * const me = await createAppTrpcClient().auth.me.query();
 */
export function createAppTrpcClient() {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc" })] });
}

export type AppTrpcClient = ReturnType<typeof createAppTrpcClient>;
