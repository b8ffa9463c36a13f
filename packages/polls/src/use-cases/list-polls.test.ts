import { beforeEach, describe, expect, it } from "vitest";
import { alice, bob, carol, pollFixture, useCaseDeps } from "../__tests__/polls-test-kit";
import { listPollsUseCase } from "./list-polls";

describe("listPolls", () => {
  let deps: ReturnType<typeof useCaseDeps>;

  beforeEach(async () => {
    deps = useCaseDeps();
    await deps.polls.create(pollFixture({ id: "old", status: "closed", createdAt: 1 }));
    await deps.polls.create(pollFixture({ id: "open", status: "open", createdAt: 2 }));
    await deps.polls.create(pollFixture({ id: "bobs-draft", status: "draft", createdAt: 3, createdBy: "bob" }));
    await deps.votes.cast("open", "carol", "o1");
  });

  it("lists newest first with totals, the viewer's own vote and whether they may manage it", async () => {
    const { polls } = await listPollsUseCase(deps)({ viewer: carol });
    expect(polls.map((poll) => poll.id)).toEqual(["open", "old"]);
    expect(polls[0]).toEqual({
      id: "open",
      question: "Lunch?",
      status: "open",
      options: [
        { id: "o1", label: "Soup", votes: 1 },
        { id: "o2", label: "Salad", votes: 0 },
      ],
      totalVotes: 1,
      createdBy: "bob",
      createdAt: 2,
      canManage: false,
      myVote: "o1",
    });
  });

  it("includes drafts for their creator and admins only", async () => {
    expect((await listPollsUseCase(deps)({ viewer: bob })).polls.map((poll) => [poll.id, poll.canManage, poll.myVote])).toEqual([
      ["bobs-draft", true, null],
      ["open", true, null],
      ["old", true, null],
    ]);
    expect((await listPollsUseCase(deps)({ viewer: alice })).polls.map((poll) => poll.id)).toEqual(["bobs-draft", "open", "old"]);
  });

  it.each([
    { limit: 1, expected: ["open"] },
    { limit: 0, expected: ["open"] },
    { limit: 1_000, expected: ["open", "old"] },
  ])("bounds limit $limit", async ({ limit, expected }) => {
    expect((await listPollsUseCase(deps)({ viewer: carol, limit })).polls.map((poll) => poll.id)).toEqual(expected);
  });
});
