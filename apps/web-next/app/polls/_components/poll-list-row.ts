import type { AppTrpcClient } from "../../_components/trpc-client";

/**
 * A row of `polls.list`, as the server answers it. Its own file so the list
 * and the card both import it without importing each other (no cycle).
 */
export type PollListRow = Awaited<ReturnType<AppTrpcClient["polls"]["list"]["query"]>>["polls"][number];
