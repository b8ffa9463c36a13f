import { token } from "@repo/core-di";
import type { RealtimeInboundHandler } from "@repo/core-realtime/server";
import type { pollChannel } from "../realtime/poll.channel";
import type { IPollRepository } from "../repositories/poll-repository";
import type { IVoteRepository } from "../repositories/vote-repository";
import type { CastVote } from "../use-cases/cast-vote";
import type { ChangePollStatus } from "../use-cases/change-poll-status";
import type { CreatePoll } from "../use-cases/create-poll";
import type { GetPoll } from "../use-cases/get-poll";
import type { ListPolls } from "../use-cases/list-polls";

/** The polls feature's container keys (ADR-008). */
export const PollsSymbols = {
  pollRepository: token<IPollRepository>("polls.pollRepository"),
  voteRepository: token<IVoteRepository>("polls.voteRepository"),
  createPoll: token<CreatePoll>("polls.createPoll"),
  openPoll: token<ChangePollStatus>("polls.openPoll"),
  closePoll: token<ChangePollStatus>("polls.closePoll"),
  getPoll: token<GetPoll>("polls.getPoll"),
  listPolls: token<ListPolls>("polls.listPolls"),
  castVote: token<CastVote>("polls.castVote"),
  // @anchor:symbols
  onVoteHandler: token<RealtimeInboundHandler<typeof pollChannel>>("polls.onVoteHandler"),
  // @anchor:realtime-symbols
} as const;
