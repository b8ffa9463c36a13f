import { createCallerFactory } from "@repo/core-trpc";
import type { RealtimeUser } from "@repo/core-realtime";
import { beforeEach, describe, expect, it } from "vitest";
import { useCaseDeps } from "../__tests__/polls-test-kit";
import { pollCreated } from "../events/poll-created.event";
import { castVoteUseCase } from "../use-cases/cast-vote";
import { closePollUseCase, openPollUseCase } from "../use-cases/change-poll-status";
import { createPollUseCase } from "../use-cases/create-poll";
import { getPollUseCase } from "../use-cases/get-poll";
import { listPollsUseCase } from "../use-cases/list-polls";
import { createPollsRouter } from "./router";

const alice: RealtimeUser = { userId: "alice", roles: ["admin"] };
const bob: RealtimeUser = { userId: "bob", roles: [] };
const carol: RealtimeUser = { userId: "carol", roles: [] };

/** A caller per user over one fresh in-memory store, plus the deps for votes and assertions. */
function createCallers() {
  const deps = useCaseDeps();
  const router = createPollsRouter({
    create: createPollUseCase(deps),
    open: openPollUseCase(deps),
    close: closePollUseCase(deps),
    get: getPollUseCase(deps),
    list: listPollsUseCase(deps),
  });
  const createCaller = createCallerFactory(router);
  return { deps, callerFor: (user: RealtimeUser | null) => createCaller({ user, requestId: "r" }) };
}

describe("polls router", () => {
  let callerFor: ReturnType<typeof createCallers>["callerFor"];
  let deps: ReturnType<typeof createCallers>["deps"];

  beforeEach(() => {
    ({ callerFor, deps } = createCallers());
  });

  it("lets a signed-in user create, open and get a poll with live counts", async () => {
    const { id } = await callerFor(bob).create({ question: "Lunch?", options: ["soup", "salad"] });
    expect(await callerFor(bob).open({ id })).toEqual({ id, status: "open" });
    await castVoteUseCase(deps)({ pollId: id, optionId: "o2", voter: carol });
    expect(await callerFor(carol).get({ id })).toEqual({
      id,
      question: "Lunch?",
      status: "open",
      options: [
        { id: "o1", label: "soup", votes: 0 },
        { id: "o2", label: "salad", votes: 1 },
      ],
    });
    deps.bus.expectPublished(pollCreated, { pollId: id, createdBy: "bob" });
  });

  it("takes the creator from the session, never from the input", async () => {
    const input = { question: "Q?", options: ["a", "b"], createdBy: "alice" } as { question: string; options: string[] };
    const { id } = await callerFor(bob).create(input);
    expect(await deps.polls.get(id)).toMatchObject({ createdBy: "bob" });
  });

  it("lists what the caller may see, with their own vote and whether they may manage each poll", async () => {
    const { id } = await callerFor(bob).create({ question: "Lunch?", options: ["soup", "salad"] });
    await callerFor(bob).open({ id });
    await castVoteUseCase(deps)({ pollId: id, optionId: "o1", voter: carol });
    const { polls } = await callerFor(carol).list();
    expect(polls).toEqual([expect.objectContaining({ id, totalVotes: 1, myVote: "o1", canManage: false, createdBy: "bob" })]);
    expect((await callerFor(bob).list({ limit: 5 })).polls[0]).toMatchObject({ canManage: true, myVote: null });
  });

  it("lets only the creator or an admin open and close (FORBIDDEN otherwise, code in the message)", async () => {
    const { id } = await callerFor(bob).create({ question: "Lunch?", options: ["soup", "salad"] });
    await callerFor(bob).open({ id });
    await expect(callerFor(carol).close({ id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("NOT_POLL_MANAGER") as string });
    expect(await callerFor(alice).close({ id })).toEqual({ id, status: "closed" });
  });

  it("answers CONFLICT for closing a draft and reopening a closed poll, NOT_FOUND for an unknown or hidden one", async () => {
    const { id } = await callerFor(bob).create({ question: "Lunch?", options: ["soup", "salad"] });
    await expect(callerFor(carol).get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(carol).open({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(bob).close({ id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("POLL_NOT_OPEN") as string });
    await callerFor(bob).open({ id });
    await callerFor(bob).close({ id });
    await expect(callerFor(bob).open({ id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("POLL_CLOSED") as string });
    await expect(callerFor(bob).get({ id: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("UNKNOWN_POLL") as string });
  });

  it.each([
    { case: "one option", input: { question: "Q?", options: ["a"] } },
    { case: "an empty question", input: { question: "", options: ["a", "b"] } },
    { case: "options that are not strings", input: { question: "Q?", options: [1, 2] } },
  ])("refuses $case with BAD_REQUEST", async ({ input }) => {
    await expect(callerFor(bob).create(input as { question: string; options: string[] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("pages polls.list with an opaque cursor, and refuses a forged one with BAD_REQUEST", async () => {
    for (const question of ["One?", "Two?", "Three?"]) {
      const { id } = await callerFor(bob).create({ question, options: ["a", "b"] });
      await callerFor(bob).open({ id });
    }
    const first = await callerFor(carol).list({ limit: 2 });
    expect(first.polls).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await callerFor(carol).list({ limit: 2, cursor: first.nextCursor ?? "" });
    expect(second).toMatchObject({ nextCursor: null });
    expect([...first.polls, ...second.polls].map((poll) => poll.question).sort()).toEqual(["One?", "Three?", "Two?"]);
    for (const cursor of ["nope", Buffer.from("[1]").toString("base64url"), Buffer.from('["x","y"]').toString("base64url")]) {
      await expect(callerFor(carol).list({ cursor })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Invalid cursor") as string });
    }
  });

  it("refuses a poll id with a dot (it would name another channel) with BAD_REQUEST", async () => {
    await expect(callerFor(bob).get({ id: "a.b" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("requires sign-in for every procedure", async () => {
    const guest = callerFor(null);
    await expect(guest.create({ question: "Q?", options: ["a", "b"] })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(guest.open({ id: "p1" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(guest.close({ id: "p1" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(guest.get({ id: "p1" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(guest.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
