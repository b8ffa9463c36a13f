import { beforeEach, describe, expect, it } from "vitest";
import { alice, bob, carol, pollFixture, useCaseDeps } from "../__tests__/polls-test-kit";
import { getPollUseCase } from "./get-poll";

describe("getPoll", () => {
  let deps: ReturnType<typeof useCaseDeps>;

  beforeEach(async () => {
    deps = useCaseDeps();
    await deps.polls.create(pollFixture({ id: "p1", status: "open" }));
    await deps.polls.create(pollFixture({ id: "draft", status: "draft", createdBy: "bob" }));
    await deps.votes.cast("p1", "carol", "o2");
  });

  it("answers the poll with each option's label and count, in poll order", async () => {
    expect(await getPollUseCase(deps)({ id: "p1", viewer: carol })).toEqual({
      id: "p1",
      question: "Lunch?",
      status: "open",
      options: [
        { id: "o1", label: "Soup", votes: 0 },
        { id: "o2", label: "Salad", votes: 1 },
      ],
    });
  });

  it("shows a draft to its creator and admins only; others get null, as for an unknown poll", async () => {
    expect(await getPollUseCase(deps)({ id: "draft", viewer: bob })).toMatchObject({ status: "draft" });
    expect(await getPollUseCase(deps)({ id: "draft", viewer: alice })).toMatchObject({ status: "draft" });
    expect(await getPollUseCase(deps)({ id: "draft", viewer: carol })).toBeNull();
    expect(await getPollUseCase(deps)({ id: "nope", viewer: alice })).toBeNull();
  });
});
