import type { RealtimeUser } from "@repo/core-realtime";
import type { IRealtimeBroadcaster } from "@repo/core-realtime/server";
import { inMemoryUnitOfWork, RecordingEventBus, startChannelHarness } from "@repo/core-testing";
import type { ChannelHarness, HarnessClient } from "@repo/core-testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pollFixture } from "../../__tests__/polls-test-kit";
import { InMemoryPollRepository } from "../../repositories/in-memory-poll-repository";
import { InMemoryVoteRepository } from "../../repositories/in-memory-vote-repository";
import { castVoteUseCase } from "../../use-cases/cast-vote";
import { closePollUseCase } from "../../use-cases/change-poll-status";
import { onVoteHandler } from "./on-vote.handler";
import { pollChannel } from "../poll.channel";
import type { TVoteRequest } from "../poll.channel";

const alice: RealtimeUser = { userId: "alice", roles: ["admin"] };
const bob: RealtimeUser = { userId: "bob", roles: [] };
const carol: RealtimeUser = { userId: "carol", roles: [] };

/** Long enough for a stray message to arrive over loopback if the server were going to send one. */
const QUIET_MS = 250;
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

// The channel end to end: the real vote handler and use cases behind a real Socket.IO server, with real clients.
describe("polls.{pollId} over real sockets", () => {
  let harness: ChannelHarness;
  let polls: InMemoryPollRepository;
  let votes: InMemoryVoteRepository;
  let pollCount = 0;
  let pollId: string;
  const clients: HarnessClient[] = [];
  // The handler is built before the harness exists; its broadcaster is the harness's, looked up per call.
  const realtime: IRealtimeBroadcaster = { broadcast: (...args) => harness.broadcaster.broadcast(...args) };
  const deps = () => ({ polls, votes, work: inMemoryUnitOfWork({ polls, votes }, realtime), bus: new RecordingEventBus() });

  async function connect(user: RealtimeUser | null): Promise<HarnessClient> {
    const client = await harness.connectAs(user);
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    polls = new InMemoryPollRepository();
    votes = new InMemoryVoteRepository();
    harness = await startChannelHarness({
      users: [alice, bob, carol],
      handlers: [[pollChannel, onVoteHandler({ castVote: castVoteUseCase(deps()) })]],
    });
  });

  beforeEach(async () => {
    pollId = `poll-${++pollCount}`;
    await polls.create(pollFixture({ id: pollId, status: "open", createdBy: "alice" }));
    for (const client of clients.splice(0)) client.close();
  });

  afterAll(async () => {
    await harness.close();
  });

  it.each([
    { who: "a signed-in user", user: bob, expected: { ok: true } },
    { who: "an admin", user: alice, expected: { ok: true } },
    { who: "an anonymous socket", user: null, expected: { ok: false, error: { code: "UNAUTHENTICATED" } } },
  ])("subscribe: $who -> $expected.ok", async ({ user, expected }) => {
    const client = await connect(user);
    expect(await client.subscribe(pollChannel, { pollId })).toMatchObject(expected);
  });

  it("refuses a vote from an anonymous socket with UNAUTHENTICATED and counts nothing", async () => {
    const anonymous = await connect(null);
    expect(await anonymous.publish(pollChannel, { pollId }, { optionId: "o1" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await votes.counts(pollId)).toEqual(new Map());
  });

  it("a vote from one client updates every subscriber, the voter included, and acks the tally", async () => {
    const voter = await connect(bob);
    const watcher = await connect(carol);
    await voter.subscribe(pollChannel, { pollId });
    await watcher.subscribe(pollChannel, { pollId });
    const tally = { options: [{ id: "o1", votes: 0 }, { id: "o2", votes: 1 }], totalVotes: 1 };

    expect(await voter.publish(pollChannel, { pollId }, { optionId: "o2" })).toEqual({ ok: true, result: { optionId: "o2", tally } });
    expect(await watcher.waitFor(`polls.${pollId}`, 1)).toEqual([tally]);
    expect(await voter.waitFor(`polls.${pollId}`, 1)).toEqual([tally]);

    expect(await watcher.publish(pollChannel, { pollId }, { optionId: "o2" })).toMatchObject({ ok: true });
    expect((await voter.waitFor(`polls.${pollId}`, 2))[1]).toEqual({ options: [{ id: "o1", votes: 0 }, { id: "o2", votes: 2 }], totalVotes: 2 });
  });

  it("sends a poll's tally to that poll's subscribers only", async () => {
    const otherPoll = `${pollId}-other`;
    await polls.create(pollFixture({ id: otherPoll, status: "open" }));
    const watcher = await connect(carol);
    await watcher.subscribe(pollChannel, { pollId: otherPoll });
    const voter = await connect(bob);
    await voter.publish(pollChannel, { pollId }, { optionId: "o1" });
    await quiet();
    expect(watcher.received(`polls.${otherPoll}`)).toEqual([]);
  });

  it("refuses a second vote with ALREADY_VOTED, from any tab, and nothing more is broadcast", async () => {
    const firstTab = await connect(bob);
    const secondTab = await connect(bob);
    const watcher = await connect(carol);
    await watcher.subscribe(pollChannel, { pollId });
    expect(await firstTab.publish(pollChannel, { pollId }, { optionId: "o1" })).toMatchObject({ ok: true });
    const refused = await secondTab.publish(pollChannel, { pollId }, { optionId: "o2" });
    expect(refused).toEqual({ ok: false, error: { code: "ALREADY_VOTED", message: "You already voted on this poll" } });
    await watcher.waitFor(`polls.${pollId}`, 1);
    await quiet();
    expect(watcher.received(`polls.${pollId}`)).toHaveLength(1);
    expect(await votes.counts(pollId)).toEqual(new Map([["o1", 1]]));
  });

  it("counts a burst of double votes from one user's two tabs exactly once", async () => {
    const tabs = [await connect(bob), await connect(bob)];
    const acks = await Promise.all(
      Array.from({ length: 10 }, (_, i) => tabs[i % 2]!.publish(pollChannel, { pollId }, { optionId: i % 2 === 0 ? "o1" : "o2" })),
    );
    expect(acks.filter((ack) => ack.ok)).toHaveLength(1);
    expect(acks.filter((ack) => !ack.ok).map((ack) => (ack.ok ? null : ack.error.code))).toEqual(Array(9).fill("ALREADY_VOTED"));
    expect([...(await votes.counts(pollId)).values()]).toEqual([1]);
  });

  it("refuses a vote on a closed poll with POLL_CLOSED, after the close reached subscribers", async () => {
    const watcher = await connect(carol);
    await watcher.subscribe(pollChannel, { pollId });
    await closePollUseCase(deps())({ id: pollId, actor: alice });
    expect(await watcher.waitFor(`polls.${pollId}`, 1)).toEqual([{ options: [{ id: "o1", votes: 0 }, { id: "o2", votes: 0 }], totalVotes: 0, status: "closed" }]);
    expect(await watcher.publish(pollChannel, { pollId }, { optionId: "o1" })).toMatchObject({ ok: false, error: { code: "POLL_CLOSED" } });
  });

  it.each([
    { case: "a draft", setup: "draft", code: "POLL_NOT_OPEN", user: alice },
    { case: "someone else's draft", setup: "draft", code: "UNKNOWN_POLL", user: carol },
    { case: "an unknown poll", setup: "none", code: "UNKNOWN_POLL", user: bob },
  ])("refuses a vote on $case with $code", async ({ setup, code, user }) => {
    const target = `${pollId}-${setup}`;
    if (setup === "draft") await polls.create(pollFixture({ id: target, status: "draft", createdBy: "alice" }));
    const client = await connect(user);
    expect(await client.publish(pollChannel, { pollId: target }, { optionId: "o1" })).toMatchObject({ ok: false, error: { code } });
  });

  it("refuses a vote for an option the poll does not have with UNKNOWN_OPTION", async () => {
    const client = await connect(bob);
    expect(await client.publish(pollChannel, { pollId }, { optionId: "o3" })).toMatchObject({ ok: false, error: { code: "UNKNOWN_OPTION" } });
    expect(await votes.voteOf(pollId, "bob")).toBeNull();
  });

  // Payloads a hostile or buggy client could send; the SDK does not validate before sending, only the types stop them.
  describe("bad payloads", () => {
    async function publishUnchecked(payload: unknown) {
      const client = await connect(bob);
      return client.publish(pollChannel, { pollId }, payload as TVoteRequest);
    }

    it.each([
      { case: "no optionId", payload: {} },
      { case: "a numeric optionId", payload: { optionId: 1 } },
      { case: "an empty optionId", payload: { optionId: "" } },
      { case: "an overlong optionId", payload: { optionId: "o".repeat(65) } },
      { case: "an extra field", payload: { optionId: "o1", userId: "alice" } },
      { case: "a string payload", payload: "o1" },
      { case: "a null payload", payload: null },
    ])("refuses $case with INVALID_PAYLOAD and counts nothing", async ({ payload }) => {
      expect(await publishUnchecked(payload)).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
      expect(await votes.counts(pollId)).toEqual(new Map());
    });

    it("keeps serving after bad frames: the next good vote counts", async () => {
      expect(await publishUnchecked({ optionId: 42 })).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
      const client = await connect(bob);
      expect(await client.publish(pollChannel, { pollId }, { optionId: "o1" })).toMatchObject({ ok: true });
    });
  });
});
