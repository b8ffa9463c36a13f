import { featureRedisPrefix, instrumentUseCase } from "@repo/core-di";
import type { BindContext, Container } from "@repo/core-di";
import { InMemoryPollRepository } from "../repositories/in-memory-poll-repository";
import { InMemoryVoteRepository } from "../repositories/in-memory-vote-repository";
import type { IPollRepository } from "../repositories/poll-repository";
import { RedisPollRepository } from "../repositories/redis-poll-repository";
import { RedisVoteRepository } from "../repositories/redis-vote-repository";
import type { IVoteRepository } from "../repositories/vote-repository";
import { castVoteUseCase } from "../use-cases/cast-vote";
import { closePollUseCase, openPollUseCase } from "../use-cases/change-poll-status";
import { createPollUseCase } from "../use-cases/create-poll";
import { getPollUseCase } from "../use-cases/get-poll";
import { listPollsUseCase } from "../use-cases/list-polls";
import { PollsSymbols } from "./symbols";

export interface PollsRepositories {
  readonly polls: IPollRepository;
  readonly votes: IVoteRepository;
}

/**
 * Redis when the app has a connection (every instance shares the polls, the
 * tallies and the one-vote-per-user check), memory otherwise.
 */
export function selectPollsRepositories(ctx: Pick<BindContext, "config" | "redis">): PollsRepositories {
  return ctx.redis === null
    ? { polls: new InMemoryPollRepository(), votes: new InMemoryVoteRepository() }
    : { polls: new RedisPollRepository(ctx.redis, { keyPrefix: featureRedisPrefix(ctx, "polls:") }), votes: new RedisVoteRepository(ctx.redis, { keyPrefix: featureRedisPrefix(ctx, "polls:") }) };
}

/**
 * The bindings both bind files share: the repositories, then each use case in
 * its span+capture sandwich. The bind files register the channel and its
 * vote handler after.
 *
 * @example
 * bindPollsServices(container, ctx, selectPollsRepositories(ctx));
 */
export function bindPollsServices(container: Container, ctx: BindContext, repositories: PollsRepositories): void {
  const { polls, votes } = repositories;
  const statusDeps = { polls, votes, realtime: ctx.realtime, bus: ctx.bus };
  container.bind(PollsSymbols.pollRepository, polls);
  container.bind(PollsSymbols.voteRepository, votes);
  container.bind(PollsSymbols.createPoll, instrumentUseCase(ctx, "polls.create", createPollUseCase({ polls, bus: ctx.bus })));
  container.bind(PollsSymbols.openPoll, instrumentUseCase(ctx, "polls.open", openPollUseCase(statusDeps)));
  container.bind(PollsSymbols.closePoll, instrumentUseCase(ctx, "polls.close", closePollUseCase(statusDeps)));
  container.bind(PollsSymbols.getPoll, instrumentUseCase(ctx, "polls.get", getPollUseCase({ polls, votes })));
  container.bind(PollsSymbols.listPolls, instrumentUseCase(ctx, "polls.list", listPollsUseCase({ polls, votes })));
  container.bind(PollsSymbols.castVote, instrumentUseCase(ctx, "polls.castVote", castVoteUseCase(statusDeps)));
}
