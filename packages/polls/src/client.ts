/**
 * `@repo/polls/client`: what a browser page needs (the channel descriptor,
 * its message schemas and the input limits), without the server half of the
 * feature (repositories, Redis, use cases) in the bundle.
 */
export { pollChannel, ZVoteReply } from "./realtime/poll.channel";
export { pollsDirectoryChannel } from "./realtime/polls-directory.channel";
export { mergeLivePoll } from "./domain/live-poll";
export type { LivePoll, TallyUpdate } from "./domain/live-poll";
