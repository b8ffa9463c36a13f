import { describe, expect, it } from "vitest";
import { mergeLivePoll } from "./live-poll";
import type { LivePoll } from "./live-poll";

const shown: LivePoll = {
  status: "open",
  options: [
    { id: "o1", label: "Soup", votes: 1 },
    { id: "o2", label: "Salad", votes: 1 },
  ],
  totalVotes: 2,
};

describe("mergeLivePoll", () => {
  it("takes a tally with more votes, keeping the labels", () => {
    expect(mergeLivePoll(shown, { options: [{ id: "o1", votes: 2 }, { id: "o2", votes: 1 }], totalVotes: 3 })).toEqual({
      status: "open",
      options: [
        { id: "o1", label: "Soup", votes: 2 },
        { id: "o2", label: "Salad", votes: 1 },
      ],
      totalVotes: 3,
    });
  });

  it("ignores a late tally or snapshot with fewer or as many votes", () => {
    expect(mergeLivePoll(shown, { options: [{ id: "o1", votes: 1 }, { id: "o2", votes: 0 }], totalVotes: 1 })).toBe(shown);
    expect(mergeLivePoll(shown, { options: [{ id: "o1", votes: 1 }, { id: "o2", votes: 1 }] })).toBe(shown);
  });

  it("ends on the same counts whatever order two tallies arrive in", () => {
    const second = { options: [{ id: "o1", votes: 2 }, { id: "o2", votes: 1 }], totalVotes: 3 };
    const third = { options: [{ id: "o1", votes: 2 }, { id: "o2", votes: 2 }], totalVotes: 4 };
    expect(mergeLivePoll(mergeLivePoll(shown, third), second)).toEqual(mergeLivePoll(mergeLivePoll(shown, second), third));
  });

  it("moves the status forward only", () => {
    const closed = mergeLivePoll(shown, { options: shown.options, totalVotes: 2, status: "closed" });
    expect(closed).toMatchObject({ status: "closed", totalVotes: 2 });
    expect(mergeLivePoll(closed, { options: shown.options, status: "open" }).status).toBe("closed");
  });
});
