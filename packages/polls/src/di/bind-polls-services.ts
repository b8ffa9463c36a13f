import type { AppDatabase, BaseSchema, Transaction } from "@repo/core-database";
import { instrumentUseCase, transactionsOf } from "@repo/core-di";
import type { BindContext, Container } from "@repo/core-di";
import { unitOfWork } from "@repo/core-realtime/server";
import type { IPollRepository } from "../repositories/poll-repository";
import { SqlPollRepository } from "../repositories/sql-poll-repository";
import { SqlVoteRepository } from "../repositories/sql-vote-repository";
import type { IVoteRepository } from "../repositories/vote-repository";
import { castVoteUseCase } from "../use-cases/cast-vote";
import { closePollUseCase, openPollUseCase } from "../use-cases/change-poll-status";
import { createPollUseCase } from "../use-cases/create-poll";
import { getPollUseCase } from "../use-cases/get-poll";
import { listPollsUseCase } from "../use-cases/list-polls";
import type { PollsUnitOfWork } from "../use-cases/polls-unit-of-work";
import { PollsSymbols } from "./symbols";

export interface PollsRepositories {
  readonly polls: IPollRepository;
  readonly votes: IVoteRepository;
}

/**
 * The system of record (ADR-020): PostgreSQL or embedded PGlite, migrated
 * with `pollsMigrations` before binding. Every instance on one PostgreSQL
 * shares the polls, the tallies and the one-vote-per-user key.
 *
 * @example
 * bindPollsServices(container, ctx, sqlPollsRepositories(ctx.database));
 */
export function sqlPollsRepositories(database: Pick<AppDatabase, "db">): PollsRepositories {
  return { polls: new SqlPollRepository(database), votes: new SqlVoteRepository(database) };
}

/**
 * The bindings both bind files share: the repositories, then each use case in
 * its span+capture sandwich. The bind files register the channel and its
 * vote handler after.
 *
 * @example
 * bindPollsServices(container, ctx, sqlPollsRepositories(ctx.database));
 */
export function bindPollsServices(container: Container, ctx: BindContext, repositories: PollsRepositories): void {
  const { polls, votes } = repositories;
  // Votes and status changes write their push in the same transaction (ADR-021), on repositories built on it.
  const work: PollsUnitOfWork = unitOfWork(transactionsOf(ctx), (trx: Transaction<BaseSchema>) => sqlPollsRepositories({ db: trx }));
  const statusDeps = { polls, votes, work, bus: ctx.bus };
  container.bind(PollsSymbols.pollRepository, polls);
  container.bind(PollsSymbols.voteRepository, votes);
  container.bind(PollsSymbols.createPoll, instrumentUseCase(ctx, "polls.create", createPollUseCase({ polls, bus: ctx.bus })));
  container.bind(PollsSymbols.openPoll, instrumentUseCase(ctx, "polls.open", openPollUseCase(statusDeps)));
  container.bind(PollsSymbols.closePoll, instrumentUseCase(ctx, "polls.close", closePollUseCase(statusDeps)));
  container.bind(PollsSymbols.getPoll, instrumentUseCase(ctx, "polls.get", getPollUseCase({ polls, votes })));
  container.bind(PollsSymbols.listPolls, instrumentUseCase(ctx, "polls.list", listPollsUseCase({ polls, votes })));
  container.bind(PollsSymbols.castVote, instrumentUseCase(ctx, "polls.castVote", castVoteUseCase(statusDeps)));
}
