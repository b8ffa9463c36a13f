import type { AppDatabase } from "@repo/core-database";
import { createContainer } from "@repo/core-di";
import type { BindContext } from "@repo/core-di";
import { InMemoryRealtimeBroadcaster } from "@repo/core-realtime/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearPolls, createdId, DATABASE_HOOK_TIMEOUT_MS, openPollsTestDatabase, pollsTestContext as pollsTestContextOn } from "./__tests__/polls-test-kit";
import { bindDevSeedPolls } from "./bind-dev-seed";
import { bindProductionPolls } from "./bind-production";
import { DEV_SEED_POLLS, seedPolls } from "./dev-seed/seed-polls";
import { bindPollsServices, sqlPollsRepositories } from "./di/bind-polls-services";
import { PollsSymbols } from "./di/symbols";
import { pollCreated } from "./events/poll-created.event";
import { voteAccepted } from "./events/vote-accepted.event";
import { pollChannel } from "./realtime/poll.channel";
import { SqlPollRepository } from "./repositories/sql-poll-repository";
import { SqlVoteRepository } from "./repositories/sql-vote-repository";

const bob = { userId: "bob", roles: [] };

describe("polls bind functions", () => {
  let database: AppDatabase;
  beforeAll(async () => {
    database = await openPollsTestDatabase();
  }, DATABASE_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await database.close();
  }, DATABASE_HOOK_TIMEOUT_MS);
  beforeEach(async () => {
    await clearPolls(database);
  });
  const pollsTestContext = (overrides: Omit<Parameters<typeof pollsTestContextOn>[0], "database"> = {}) =>
    pollsTestContextOn({ database, ...overrides });

  it("production and dev-seed bind the same tokens (the two files cannot drift)", async () => {
    const production = bindProductionPolls(pollsTestContext().ctx);
    const devSeed = await bindDevSeedPolls(pollsTestContext().ctx);
    expect(devSeed.container.boundTokens()).toEqual(production.container.boundTokens());
    expect([...production.container.boundTokens()].sort()).toEqual(Object.values(PollsSymbols).map((t) => t.description).sort());
  });

  it("names the module polls, serves a router, and keeps polls and votes in ctx.database", () => {
    const module = bindProductionPolls(pollsTestContext().ctx);
    expect(module.name).toBe("polls");
    expect(module.router).toBeDefined();
    expect(module.container.get(PollsSymbols.pollRepository)).toBeInstanceOf(SqlPollRepository);
    expect(module.container.get(PollsSymbols.voteRepository)).toBeInstanceOf(SqlVoteRepository);
  });

  it("registers polls.{pollId} with its vote handler, which answers a refusal as a RealtimeError code", async () => {
    const { ctx } = pollsTestContext();
    bindProductionPolls(ctx);
    const resolved = ctx.realtimeRegistry.resolve("polls.p1");
    expect(resolved).toMatchObject({ kind: "match", descriptor: { name: pollChannel.name, scope: pollChannel.scope }, params: { pollId: "p1" } });
    const inbound = ctx.realtimeRegistry.getInboundDescriptor(pollChannel.name);
    expect(inbound?.descriptor.schema).toBe(pollChannel.schema);
    const context = { user: bob, userId: "bob", roles: [], channel: "polls.nope", params: { pollId: "nope" } };
    await expect(Promise.resolve(inbound?.handler({ optionId: "o1" } as never, context as never))).rejects.toMatchObject({ code: "UNKNOWN_POLL" });
  });

  it.each([
    { name: "production", bind: (ctx: BindContext) => Promise.resolve(bindProductionPolls(ctx)) },
    { name: "dev-seed", bind: bindDevSeedPolls },
  ])("$name registers polls.{pollId} with the draft policy: the creator and admins read a draft, nobody else", async ({ bind }) => {
    const { ctx } = pollsTestContext();
    const module = await bind(ctx);
    const id = createdId(await module.container.get(PollsSymbols.createPoll)({ question: "Draft?", options: ["a", "b"], createdBy: "bob" }));
    const policy = ctx.realtimeRegistry.getInboundDescriptor(pollChannel.name)?.descriptor.policy;
    const ask = (user: { userId: string; roles: string[] } | null, pollId: string) => policy?.(user, { pollId }, { access: "read", channel: `polls.${pollId}` });
    expect(await ask(bob, id)).toBe(true);
    expect(await ask({ userId: "alice", roles: ["admin"] }, id)).toBe(true);
    expect(await ask({ userId: "carol", roles: [] }, id)).toBe(false);
    expect(await ask({ userId: "carol", roles: [] }, "nope")).toBe(false);
  });

  it("production starts empty; dev-seed has open polls with votes, and a closed one", async () => {
    expect(await bindProductionPolls(pollsTestContext().ctx).container.get(PollsSymbols.listPolls)({ viewer: bob })).toEqual({ polls: [], nextCursor: null });

    const realtime = new InMemoryRealtimeBroadcaster();
    const { ctx, bus } = pollsTestContext({ realtime, realtimeSources: realtime.sources });
    const devSeed = await bindDevSeedPolls(ctx);
    const { polls } = await devSeed.container.get(PollsSymbols.listPolls)({ viewer: bob });
    expect(polls.map((poll) => poll.id)).toEqual(DEV_SEED_POLLS.map((seed) => seed.id));
    const open = polls.filter((poll) => poll.status === "open");
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((poll) => poll.totalVotes > 0 && poll.myVote === null)).toBe(true);
    expect(polls.find((poll) => poll.id === "seed-offsite")).toMatchObject({ status: "closed", totalVotes: 3 });
    bus.expectPublished(pollCreated, { pollId: "seed-lunch" });
    bus.expectPublished(voteAccepted, { pollId: "seed-lunch" });
  });

  it("seeds idempotently: seeding twice into the same database (a restart) counts each seed vote once", async () => {
    const { polls, votes } = sqlPollsRepositories(database);
    const { ctx } = pollsTestContext();
    for (let round = 0; round < 2; round++) {
      const container = createContainer(`polls-${round}`);
      bindPollsServices(container, ctx, sqlPollsRepositories(database));
      await seedPolls({
        createPoll: container.get(PollsSymbols.createPoll),
        openPoll: container.get(PollsSymbols.openPoll),
        closePoll: container.get(PollsSymbols.closePoll),
        castVote: container.get(PollsSymbols.castVote),
      });
    }
    expect(await votes.counts("seed-lunch")).toEqual(new Map([["o1", 1], ["o2", 2]]));
    expect(await polls.get("seed-offsite")).toMatchObject({ status: "closed" });
  });

  it("a restart of the dev seed on the same database lists each seed poll once with the same counts", async () => {
    const first = await bindDevSeedPolls(pollsTestContext().ctx);
    const before = await first.container.get(PollsSymbols.listPolls)({ viewer: bob });
    const { ctx, bus } = pollsTestContext();
    const restarted = await bindDevSeedPolls(ctx);
    expect(await restarted.container.get(PollsSymbols.listPolls)({ viewer: bob })).toEqual(before);
    bus.expectNotPublished(pollCreated);
    bus.expectNotPublished(voteAccepted);
  });

  it("logs a failing use case once through the capture layer", async () => {
    const { ctx, logs } = pollsTestContext();
    const module = bindProductionPolls(ctx);
    await expect(module.container.get(PollsSymbols.createPoll)({ question: "", options: [], createdBy: "bob" })).rejects.toThrow();
    expect(logs.entriesAt(50)).toEqual([expect.objectContaining({ layer: "use-case", name: "polls.create" })]);
  });
});
