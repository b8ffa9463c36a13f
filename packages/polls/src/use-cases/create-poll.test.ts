import { RecordingEventBus } from "@repo/core-testing";
import { beforeEach, describe, expect, it } from "vitest";
import { pollCreated } from "../events/poll-created.event";
import { InMemoryPollRepository } from "../repositories/in-memory-poll-repository";
import { createPollUseCase, MAX_DRAFTS_PER_USER } from "./create-poll";
import type { CreatePoll } from "./create-poll";

describe("createPoll", () => {
  let polls: InMemoryPollRepository;
  let bus: RecordingEventBus;
  let create: CreatePoll;

  beforeEach(() => {
    polls = new InMemoryPollRepository();
    bus = new RecordingEventBus();
    create = createPollUseCase({ polls, bus, now: () => 5_000, newId: () => "new-poll" });
  });

  it("stores a draft with trimmed labels and option ids in order, and publishes poll:created", async () => {
    expect(await create({ question: " Lunch? ", options: [" Soup", "Salad "], createdBy: "bob" })).toEqual({ ok: true, id: "new-poll" });
    expect(await polls.get("new-poll")).toEqual({
      id: "new-poll",
      question: "Lunch?",
      status: "draft",
      options: [
        { id: "o1", label: "Soup" },
        { id: "o2", label: "Salad" },
      ],
      createdBy: "bob",
      createdAt: 5_000,
    });
    bus.expectPublished(pollCreated, { pollId: "new-poll", question: "Lunch?", optionCount: 2, createdBy: "bob" });
  });

  it("takes a seed's createdAt so seed polls keep their order", async () => {
    await create({ id: "seed-1", question: "Lunch?", options: ["a", "b"], createdBy: "alice", createdAt: 42 });
    expect(await polls.get("seed-1")).toMatchObject({ createdAt: 42 });
  });

  it("stores a repeated seed id once and publishes it once", async () => {
    await create({ id: "seed-1", question: "Lunch?", options: ["a", "b"], createdBy: "alice" });
    bus.clear();
    expect(await create({ id: "seed-1", question: "Other?", options: ["c", "d"], createdBy: "alice" })).toEqual({ ok: true, id: "seed-1" });
    expect(await polls.get("seed-1")).toMatchObject({ question: "Lunch?" });
    bus.expectNotPublished(pollCreated);
  });

  it.each([
    { case: "an empty question", input: { question: "  ", options: ["a", "b"] } },
    { case: "a question over 200 characters", input: { question: "x".repeat(201), options: ["a", "b"] } },
    { case: "one option", input: { question: "Q?", options: ["a"] } },
    { case: "eleven options", input: { question: "Q?", options: Array.from({ length: 11 }, (_, i) => `o${i}`) } },
    { case: "an empty option", input: { question: "Q?", options: ["a", " "] } },
    { case: "the same option twice (ignoring case)", input: { question: "Q?", options: ["Soup", "soup"] } },
  ])("refuses $case and stores nothing", async ({ input }) => {
    await expect(create({ ...input, createdBy: "bob" })).rejects.toThrow();
    expect(await polls.list(10)).toEqual([]);
    bus.expectNotPublished(pollCreated);
  });

  it("refuses a draft past the creator's quota with DRAFT_QUOTA_EXCEEDED, storing and publishing nothing; others and opened drafts are not counted", async () => {
    let next = 0;
    const limited = createPollUseCase({ polls, bus, now: () => 5_000, newId: () => `p${++next}`, maxDraftsPerUser: 2 });
    const created = [await limited({ question: "A?", options: ["a", "b"], createdBy: "bob" }), await limited({ question: "B?", options: ["a", "b"], createdBy: "bob" })];
    expect(created.every((result) => result.ok)).toBe(true);
    bus.clear();
    expect(await limited({ question: "C?", options: ["a", "b"], createdBy: "bob" })).toEqual({ ok: false, code: "DRAFT_QUOTA_EXCEEDED", message: expect.stringContaining("2 draft") as string });
    expect(await polls.list(10)).toHaveLength(2);
    bus.expectNotPublished(pollCreated);
    expect(await limited({ question: "C?", options: ["a", "b"], createdBy: "carol" })).toMatchObject({ ok: true });
    await polls.transition("p1", ["draft"], "open");
    expect(await limited({ question: "C?", options: ["a", "b"], createdBy: "bob" })).toMatchObject({ ok: true });
  });

  it("has a default quota of MAX_DRAFTS_PER_USER drafts", async () => {
    let next = 0;
    const defaults = createPollUseCase({ polls, bus, newId: () => `d${++next}` });
    for (let i = 0; i < MAX_DRAFTS_PER_USER; i++) expect(await defaults({ question: "Q?", options: ["a", "b"], createdBy: "bob" })).toMatchObject({ ok: true });
    expect(await defaults({ question: "Q?", options: ["a", "b"], createdBy: "bob" })).toMatchObject({ ok: false, code: "DRAFT_QUOTA_EXCEEDED" });
  });

  it("refuses an id that could not name a channel", async () => {
    await expect(create({ id: "bad.id", question: "Q?", options: ["a", "b"], createdBy: "bob" })).rejects.toThrow();
  });
});
