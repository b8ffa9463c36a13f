"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { RealtimeRoot } from "../../_components/realtime-root";
import { createAppTrpcClient } from "../../_components/trpc-client";
import type { AppTrpcClient } from "../../_components/trpc-client";
import { CreatePollForm } from "./create-poll-form";
import { describeTrpcError } from "../../_components/describe-trpc-error";
import { PollList } from "./poll-list";
import { PollsDirectoryWatcher } from "./polls-directory-watcher";
import type { PollListRow } from "./poll-list-row";
import { SessionGate } from "../../_components/session-gate";
import { useSignedInUser } from "../../_components/use-signed-in-user";

type ListState =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "loaded"; readonly polls: readonly PollListRow[]; readonly nextCursor: string | null };

/**
 * Loads the first page of `polls.list`; `reload` asks again (after a create,
 * or on demand) and starts from the first page; `loadOlder` appends the next page.
 */
function usePollList(
  trpc: AppTrpcClient,
  enabled: boolean,
): { readonly list: ListState; readonly reload: () => void; readonly loadOlder: () => void } {
  const [list, setList] = useState<ListState>({ state: "loading" });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    trpc.polls.list.query().then(
      ({ polls, nextCursor }) => live && setList({ state: "loaded", polls, nextCursor }),
      (error: unknown) => live && setList({ state: "failed", message: describeTrpcError(error) }),
    );
    return () => {
      live = false;
    };
  }, [trpc, enabled, version]);
  const loadOlder = useCallback(() => {
    if (list.state !== "loaded" || list.nextCursor === null) return;
    const { nextCursor } = list;
    trpc.polls.list.query({ cursor: nextCursor }).then(
      (page) =>
        setList((current) => {
          // A reload since the request started: its first page wins.
          if (current.state !== "loaded" || current.nextCursor !== nextCursor) return current;
          const known = new Set(current.polls.map((poll) => poll.id));
          return { state: "loaded", polls: [...current.polls, ...page.polls.filter((poll) => !known.has(poll.id))], nextCursor: page.nextCursor };
        }),
      (error: unknown) => setList({ state: "failed", message: describeTrpcError(error) }),
    );
  }, [trpc, list]);
  return { list, reload: useCallback(() => setVersion((v) => v + 1), []), loadOlder };
}

/** Signed out: a sign-in link (polls need a signed-in user). Signed in: the create form and the live list (polls others open appear by themselves). */
export function PollsScreen() {
  const trpc = useMemo(() => createAppTrpcClient(), []);
  const session = useSignedInUser(trpc);
  const { list, reload, loadOlder } = usePollList(trpc, session.state === "signed-in");

  return (
    <SessionGate session={session} signedOut={<><a href="/sign-in">Sign in</a> to create polls and vote.</>}>
      {() => (
        <>
          <CreatePollForm trpc={trpc} onCreated={reload} />
          <RealtimeRoot>
            <PollsDirectoryWatcher onChange={reload} />
            <section className="panel" aria-label="Polls">
              <div className="row">
                <h2>Polls</h2>
                <button type="button" className="secondary" onClick={reload}>
                  Refresh
                </button>
              </div>
              {list.state === "loading" && <p className="muted">Loading polls…</p>}
              {list.state === "failed" && (
                <p className="error" role="alert">
                  Could not load polls: {list.message}
                </p>
              )}
              {list.state === "loaded" && <PollList trpc={trpc} polls={list.polls} />}
              {list.state === "loaded" && list.nextCursor !== null && (
                <button type="button" className="secondary" data-testid="poll-list-older" onClick={loadOlder}>
                  Older polls
                </button>
              )}
            </section>
          </RealtimeRoot>
        </>
      )}
    </SessionGate>
  );
}
