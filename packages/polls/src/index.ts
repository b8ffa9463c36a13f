export { bindProductionPolls } from "./bind-production";
export { bindDevSeedPolls } from "./bind-dev-seed";
export { PollsSymbols } from "./di/symbols";
export { pollClosed } from "./events/poll-closed.event";
export { pollCreated } from "./events/poll-created.event";
export { pollOpened } from "./events/poll-opened.event";
export { voteAccepted } from "./events/vote-accepted.event";
export { pollsMigrations } from "./migrations/polls-migrations";
export type { IPollRepository } from "./repositories/poll-repository";
export type { IVoteRepository } from "./repositories/vote-repository";
export { MAX_DRAFTS_PER_USER } from "./use-cases/create-poll";
// @anchor:exports
export { pollChannel } from "./realtime/poll.channel";
// @anchor:realtime-channels
