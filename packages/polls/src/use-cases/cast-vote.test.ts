import { beforeEach, describe, expect, it } from "vitest";
import { alice, bob, carol, pollFixture, useCaseDeps } from "../__tests__/polls-test-kit";
import { voteAccepted } from "../events/vote-accepted.event";
import { pollChannel } from "../realtime/poll.channel";
import { castVoteUseCase } from "./cast-vote";
import type { CastVote } from "./cast-vote";

describe("castVote", () => {
  let deps: ReturnType<typeof useCaseDeps>;
  let castVote: CastVote;

  beforeEach(async () => {
    deps = useCaseDeps();
    castVote = castVoteUseCase(deps);
    await deps.polls.create(pollFixture({ id: "open-poll", status: "open" }));
    await deps.polls.create(pollFixture({ id: "closed-poll", status: "closed" }));
    await deps.polls.create(pollFixture({ id: "draft-poll", status: "draft", createdBy: "bob" }));
  });

  it("counts the vote, pushes the tally on the poll's channel and publishes vote:accepted without the voter", async () => {
    const tally = { options: [{ id: "o1", votes: 0 }, { id: "o2", votes: 1 }], totalVotes: 1 };
    expect(await castVote({ pollId: "open-poll", optionId: "o2", voter: bob })).toEqual({ ok: true, optionId: "o2", tally });
    expect(deps.realtime.broadcasts).toHaveLength(1);
    expect(deps.realtime.expectBroadcast(pollChannel, { pollId: "open-poll" }).payload).toEqual(tally);
    const event = deps.bus.expectPublished(voteAccepted, { pollId: "open-poll", optionId: "o2", totalVotes: 1 });
    expect(JSON.stringify(event.payload)).not.toContain("bob");
  });

  it("carries every voter's count: each push is the whole tally", async () => {
    await castVote({ pollId: "open-poll", optionId: "o1", voter: bob });
    await castVote({ pollId: "open-poll", optionId: "o1", voter: carol });
    await castVote({ pollId: "open-poll", optionId: "o2", voter: alice });
    expect(deps.realtime.broadcastsOn(pollChannel, { pollId: "open-poll" }).map((b) => b.payload)).toEqual([
      { options: [{ id: "o1", votes: 1 }, { id: "o2", votes: 0 }], totalVotes: 1 },
      { options: [{ id: "o1", votes: 2 }, { id: "o2", votes: 0 }], totalVotes: 2 },
      { options: [{ id: "o1", votes: 2 }, { id: "o2", votes: 1 }], totalVotes: 3 },
    ]);
  });

  it.each([
    { case: "a second vote by the same user", pollId: "open-poll", optionId: "o1", voter: bob, code: "ALREADY_VOTED", votedBefore: true },
    { case: "a vote on a closed poll", pollId: "closed-poll", optionId: "o1", voter: bob, code: "POLL_CLOSED", votedBefore: false },
    { case: "a vote on the creator's own draft", pollId: "draft-poll", optionId: "o1", voter: bob, code: "POLL_NOT_OPEN", votedBefore: false },
    { case: "a vote on someone else's draft", pollId: "draft-poll", optionId: "o1", voter: carol, code: "UNKNOWN_POLL", votedBefore: false },
    { case: "a vote on an unknown poll", pollId: "nope", optionId: "o1", voter: bob, code: "UNKNOWN_POLL", votedBefore: false },
    { case: "a vote for an unknown option", pollId: "open-poll", optionId: "o9", voter: bob, code: "UNKNOWN_OPTION", votedBefore: false },
  ])("refuses $case with $code and pushes and publishes nothing", async ({ pollId, optionId, voter, code, votedBefore }) => {
    if (votedBefore) await castVote({ pollId, optionId: "o2", voter });
    deps.realtime.clear();
    deps.bus.clear();
    expect(await castVote({ pollId, optionId, voter })).toEqual({ ok: false, code, message: expect.any(String) as string });
    deps.realtime.expectNoBroadcast();
    deps.bus.expectNotPublished(voteAccepted);
    expect(await deps.votes.counts(pollId)).toEqual(votedBefore ? new Map([["o2", 1]]) : new Map());
  });
});
