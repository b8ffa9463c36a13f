import { beforeEach, describe, expect, it } from "vitest";
import { alice, bob, carol, pollFixture, useCaseDeps } from "../__tests__/polls-test-kit";
import { ZPollCursor } from "../domain/poll-cursor";
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

  it("fills the page with what the viewer may see however many drafts others have (the issue's 40 drafts)", async () => {
    for (let i = 0; i < 40; i++) await deps.polls.create(pollFixture({ id: `spam-${i}`, status: "draft", createdAt: 100 + i, createdBy: "mallory" }));
    const { polls, nextCursor } = await listPollsUseCase(deps)({ viewer: carol, limit: 2 });
    expect(polls.map((poll) => poll.id)).toEqual(["open", "old"]);
    expect(nextCursor).toBeNull();
  });

  it("pages with nextCursor until null, each poll once, in order", async () => {
    for (let i = 0; i < 5; i++) await deps.polls.create(pollFixture({ id: `more-${i}`, status: "open", createdAt: 10 + i }));
    const seen: string[] = [];
    let after: ReturnType<typeof ZPollCursor.parse> | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const { polls, nextCursor } = await listPollsUseCase(deps)({ viewer: carol, limit: 3, ...(after === undefined ? {} : { after }) });
      seen.push(...polls.map((poll) => poll.id));
      if (nextCursor === null) break;
      after = ZPollCursor.parse(nextCursor);
    }
    expect(seen).toEqual(["more-4", "more-3", "more-2", "more-1", "more-0", "open", "old"]);
  });

  it.each([
    { limit: 1, expected: ["open"] },
    { limit: 0, expected: ["open"] },
    { limit: 1_000, expected: ["open", "old"] },
  ])("bounds limit $limit", async ({ limit, expected }) => {
    expect((await listPollsUseCase(deps)({ viewer: carol, limit })).polls.map((poll) => poll.id)).toEqual(expected);
  });
});
