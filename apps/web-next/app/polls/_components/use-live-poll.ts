"use client";

import { useChannel } from "@repo/core-realtime/react";
import { mergeLivePoll, pollChannel } from "@repo/polls/client";
import type { LivePoll, TallyUpdate } from "@repo/polls/client";
import { useCallback, useEffect, useState } from "react";
import type { AppTrpcClient } from "../../_components/trpc-client";

export interface LivePollHandle {
  readonly poll: LivePoll;
  /** Merge a tally the page got another way (a vote's ack). */
  readonly apply: (update: TallyUpdate) => void;
  /** Ask `polls.get` again and merge the answer. */
  readonly refresh: () => void;
  /** Why live updates stopped, when the server refused or ended the subscription. */
  readonly liveError: string | null;
}

/**
 * One poll kept current: the list's snapshot, then every tally on
 * `polls.<id>`, merged so that the newest counts win whatever order they
 * arrive in. The snapshot is asked for again each time the subscription is
 * (re)accepted, which covers votes cast between the list load and the
 * subscription, and whenever a reconnect could not replay what was missed.
 *
 * @example
 * const { poll, apply } = useLivePoll(trpc, row);
 */
export function useLivePoll(trpc: AppTrpcClient, initial: LivePoll & { readonly id: string }): LivePollHandle {
  const pollId = initial.id;
  const [poll, setPoll] = useState<LivePoll>(initial);
  const [liveError, setLiveError] = useState<string | null>(null);

  const apply = useCallback((update: TallyUpdate) => setPoll((current) => mergeLivePoll(current, update)), []);
  const refresh = useCallback(() => {
    trpc.polls.get.query({ id: pollId }).then(apply, (error: unknown) => console.warn("polls.get failed", { pollId, error }));
  }, [trpc, pollId, apply]);

  // A reloaded list brings a newer snapshot; merging never goes backwards.
  useEffect(() => apply(initial), [apply, initial]);

  useChannel(pollChannel, { pollId }, apply, {
    onSubscribed: () => {
      setLiveError(null);
      refresh();
    },
    onRecovered: (recovered) => {
      if (!recovered) refresh();
    },
    onError: (error) => setLiveError(error.code),
  });

  return { poll, apply, refresh, liveError };
}
