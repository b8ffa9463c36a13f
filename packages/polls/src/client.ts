/**
 * `@repo/polls/client`: what a browser page needs (the channel descriptor,
 * its message schemas and the input limits), without the server half of the
 * feature (repositories, Redis, use cases) in the bundle.
 */
export { MAX_OPTION_ID_LENGTH, pollChannel, ZPollTallyMessage, ZVoteReply, ZVoteRequest } from "./realtime/poll.channel";
export type { TPollTallyMessage, TVoteReply, TVoteRequest } from "./realtime/poll.channel";
export { pollsDirectoryChannel, ZPollsDirectoryMessage } from "./realtime/polls-directory.channel";
export type { TPollsDirectoryMessage } from "./realtime/polls-directory.channel";
export { POLL_REFUSAL_CODES } from "./domain/poll-refusal";
export type { PollRefusalCode } from "./domain/poll-refusal";
export { mergeLivePoll } from "./domain/live-poll";
export type { LivePoll, TallyUpdate } from "./domain/live-poll";
export type { PollStatus } from "./domain/poll";
export type { PollListItem, PollView } from "./domain/poll-view";
