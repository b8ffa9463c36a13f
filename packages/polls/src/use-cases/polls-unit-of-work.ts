import type { UnitOfWork } from "@repo/core-realtime/server";
import type { IPollRepository } from "../repositories/poll-repository";
import type { IVoteRepository } from "../repositories/vote-repository";

/**
 * One transaction for a polls write (a vote, a status change) and the push it
 * causes (ADR-021): the repositories bound to the transaction, and the
 * broadcaster whose messages are stored in the outbox beside the write.
 */
export type PollsUnitOfWork = UnitOfWork<{ readonly polls: IPollRepository; readonly votes: IVoteRepository }>;
