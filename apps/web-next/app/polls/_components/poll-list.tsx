"use client";

import type { AppTrpcClient } from "../../_components/trpc-client";
import { PollCard } from "./poll-card";
import type { PollListRow } from "./poll-list-row";

/** Every poll the user may see, newest first, each one live. */
export function PollList({ trpc, polls }: { readonly trpc: AppTrpcClient; readonly polls: readonly PollListRow[] }) {
  return (
    <>
      {polls.length === 0 && <p className="muted">No polls yet: create the first one above.</p>}
      <ul className="poll-list" data-testid="poll-list" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {polls.map((poll) => (
          <PollCard key={poll.id} trpc={trpc} initial={poll} />
        ))}
      </ul>
    </>
  );
}
