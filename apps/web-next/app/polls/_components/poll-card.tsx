"use client";

import { RealtimeError } from "@repo/core-realtime/client";
import { usePresenceMembers, useRealtimeClient } from "@repo/core-realtime/react";
import { pollChannel, ZVoteReply } from "@repo/polls/client";
import { useState } from "react";
import type { AppTrpcClient } from "../../_components/trpc-client";
import { describeTrpcError } from "../../_components/describe-trpc-error";
import type { PollListRow } from "./poll-list-row";
import { useLivePoll } from "./use-live-poll";

interface Refusal {
  readonly code: string;
  readonly message: string;
}

/** Refusals that mean the page's picture of the poll is out of date. */
const STALE_CODES = new Set(["POLL_CLOSED", "POLL_NOT_OPEN", "UNKNOWN_OPTION", "UNKNOWN_POLL"]);

function percent(votes: number, total: number): number {
  return total === 0 ? 0 : Math.round((votes / total) * 100);
}

/**
 * One poll: its question, a vote button and live count per option, the live
 * total, who has it open right now (by display name), and the server's
 * refusal code when a vote is refused. Votes go over the poll's channel; the
 * creator and admins also get Open / Close.
 */
export function PollCard({ trpc, initial }: { readonly trpc: AppTrpcClient; readonly initial: PollListRow }) {
  const client = useRealtimeClient();
  const { poll, apply, refresh, liveError } = useLivePoll(trpc, initial);
  const here = usePresenceMembers(pollChannel, { pollId: initial.id });
  const [myVote, setMyVote] = useState(initial.myVote);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const vote = async (optionId: string): Promise<void> => {
    setBusy(true);
    setRefusal(null);
    try {
      const reply = ZVoteReply.parse(await client.publish(pollChannel, { pollId: initial.id }, { optionId }));
      apply(reply.tally);
      setMyVote(reply.optionId);
    } catch (error) {
      const code = error instanceof RealtimeError ? error.code : "ERROR";
      setRefusal({ code, message: error instanceof Error ? error.message : String(error) });
      if (STALE_CODES.has(code)) refresh();
    } finally {
      setBusy(false);
    }
  };

  const changeStatus = async (to: "open" | "close"): Promise<void> => {
    setBusy(true);
    setRefusal(null);
    try {
      const { status } = await (to === "open" ? trpc.polls.open : trpc.polls.close).mutate({ id: initial.id });
      apply({ options: poll.options, status });
    } catch (error) {
      setRefusal({ code: "ERROR", message: describeTrpcError(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="panel" data-testid="poll" data-poll-id={initial.id} data-status={poll.status}>
      <div className="row">
        <h3 style={{ margin: 0, fontSize: "1rem" }}>{initial.question}</h3>
        <span className="muted">
          {poll.status} · by {initial.createdBy}
        </span>
      </div>
      <ul style={{ listStyle: "none", margin: "0.75rem 0", padding: 0, display: "grid", gap: "0.4rem" }}>
        {poll.options.map((option) => (
          <li key={option.id} className="row">
            <button
              type="button"
              data-testid="vote-button"
              data-option-id={option.id}
              aria-pressed={myVote === option.id}
              className={myVote === option.id ? undefined : "secondary"}
              disabled={busy}
              style={{ minWidth: "9rem", textAlign: "left" }}
              title={poll.status === "open" ? `Vote for ${option.label}` : `This poll is ${poll.status}`}
              onClick={() => void vote(option.id)}
            >
              {option.label}
              {myVote === option.id && " ✓"}
            </button>
            <span style={{ flex: 1, height: "0.5rem", background: "var(--border)", borderRadius: 4, overflow: "hidden" }} aria-hidden="true">
              <span style={{ display: "block", height: "100%", width: `${percent(option.votes, poll.totalVotes)}%`, background: "var(--accent)" }} />
            </span>
            <span className="metric" style={{ fontSize: "1rem", minWidth: "2ch", textAlign: "right" }}>
              <span data-testid="option-votes" data-option-id={option.id}>
                {option.votes}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <div className="row">
        <span>
          Total votes: <strong data-testid="poll-total">{poll.totalVotes}</strong>
        </span>
        <span className="muted" data-testid="poll-presence" data-user-ids={here?.map((member) => member.userId).join(",") ?? ""}>
          {here === null ? null : (
            <>
              Here now:{" "}
              {here.map((member, i) => (
                <span key={member.userId}>
                  {i > 0 ? ", " : ""}
                  <span data-testid="poll-presence-member" data-user-id={member.userId} title={member.userId}>
                    {member.displayName ?? member.userId}
                  </span>
                </span>
              ))}
            </>
          )}
        </span>
        {initial.canManage && poll.status === "draft" && (
          <button type="button" className="secondary" data-testid="poll-open" disabled={busy} onClick={() => void changeStatus("open")}>
            Open
          </button>
        )}
        {initial.canManage && poll.status === "open" && (
          <button type="button" className="secondary" data-testid="poll-close" disabled={busy} onClick={() => void changeStatus("close")}>
            Close
          </button>
        )}
      </div>
      {refusal !== null && (
        <p className="error" role="alert">
          <strong data-testid="poll-error" title={refusal.message}>
            {refusal.code}
          </strong>{" "}
          {refusal.message}
        </p>
      )}
      {liveError !== null && <p className="error">Live updates stopped: {liveError}</p>}
    </li>
  );
}
