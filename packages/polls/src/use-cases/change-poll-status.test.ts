import { beforeEach, describe, expect, it } from "vitest";
import { alice, bob, carol, pollFixture, useCaseDeps } from "../__tests__/polls-test-kit";
import { pollClosed } from "../events/poll-closed.event";
import { pollOpened } from "../events/poll-opened.event";
import { pollChannel } from "../realtime/poll.channel";
import { closePollUseCase, openPollUseCase } from "./change-poll-status";

// bob created p1; alice is an admin; carol is neither.
describe("openPoll / closePoll", () => {
  let deps: ReturnType<typeof useCaseDeps>;

  beforeEach(async () => {
    deps = useCaseDeps();
    await deps.polls.create(pollFixture({ status: "draft" }));
  });

  it("lets the creator open a draft: pushes the status and publishes poll:opened", async () => {
    expect(await openPollUseCase(deps)({ id: "p1", actor: bob })).toEqual({ ok: true, id: "p1", status: "open" });
    expect(await deps.polls.get("p1")).toMatchObject({ status: "open" });
    deps.realtime.expectBroadcast(pollChannel, { pollId: "p1" }, { status: "open", totalVotes: 0 });
    deps.bus.expectPublished(pollOpened, { pollId: "p1", openedBy: "bob" });
  });

  it("lets an admin close someone else's poll with the final tally", async () => {
    await openPollUseCase(deps)({ id: "p1", actor: bob });
    await deps.votes.cast("p1", "carol", "o2");
    expect(await closePollUseCase(deps)({ id: "p1", actor: alice })).toEqual({ ok: true, id: "p1", status: "closed" });
    const tally = { options: [{ id: "o1", votes: 0 }, { id: "o2", votes: 1 }], totalVotes: 1 };
    deps.realtime.expectBroadcast(pollChannel, { pollId: "p1" }, { ...tally, status: "closed" });
    deps.bus.expectPublished(pollClosed, { pollId: "p1", closedBy: "alice", ...tally });
  });

  it("refuses anyone else with NOT_POLL_MANAGER and changes nothing", async () => {
    await openPollUseCase(deps)({ id: "p1", actor: bob });
    deps.realtime.clear();
    deps.bus.clear();
    expect(await closePollUseCase(deps)({ id: "p1", actor: carol })).toMatchObject({ ok: false, code: "NOT_POLL_MANAGER" });
    expect(await deps.polls.get("p1")).toMatchObject({ status: "open" });
    deps.realtime.expectNoBroadcast();
    deps.bus.expectNotPublished(pollClosed);
  });

  it("hides another user's draft: UNKNOWN_POLL, as for a poll that does not exist", async () => {
    expect(await openPollUseCase(deps)({ id: "p1", actor: carol })).toMatchObject({ ok: false, code: "UNKNOWN_POLL" });
    expect(await openPollUseCase(deps)({ id: "nope", actor: alice })).toMatchObject({ ok: false, code: "UNKNOWN_POLL" });
  });

  it("treats a repeated open or close as done, without pushing or publishing again", async () => {
    await openPollUseCase(deps)({ id: "p1", actor: bob });
    deps.realtime.clear();
    deps.bus.clear();
    expect(await openPollUseCase(deps)({ id: "p1", actor: bob })).toEqual({ ok: true, id: "p1", status: "open" });
    await closePollUseCase(deps)({ id: "p1", actor: bob });
    deps.realtime.clear();
    deps.bus.clear();
    expect(await closePollUseCase(deps)({ id: "p1", actor: bob })).toEqual({ ok: true, id: "p1", status: "closed" });
    deps.realtime.expectNoBroadcast();
    expect(deps.bus.published).toEqual([]);
  });

  it.each([
    { who: "its creator", actor: bob },
    { who: "an admin", actor: alice },
  ])("refuses to close a draft for $who (POLL_NOT_OPEN): still a draft, no tally pushed, no poll:closed", async ({ actor }) => {
    expect(await closePollUseCase(deps)({ id: "p1", actor })).toMatchObject({ ok: false, code: "POLL_NOT_OPEN" });
    expect(await deps.polls.get("p1")).toMatchObject({ status: "draft" });
    deps.realtime.expectNoBroadcast();
    expect(deps.bus.published).toEqual([]);
  });

  it("never reopens a closed poll (POLL_CLOSED)", async () => {
    await openPollUseCase(deps)({ id: "p1", actor: bob });
    await closePollUseCase(deps)({ id: "p1", actor: bob });
    expect(await openPollUseCase(deps)({ id: "p1", actor: bob })).toMatchObject({ ok: false, code: "POLL_CLOSED" });
    expect(await deps.polls.get("p1")).toMatchObject({ status: "closed" });
  });
});
