import { defineRealtimeChannel } from "@repo/core-realtime";
import { z } from "zod";

/** A poll became visible to everyone (opened) or stopped taking votes (closed). Drafts never appear here. */
const ZPollsDirectoryMessage = z.object({
  pollId: z.string().min(1),
  status: z.enum(["open", "closed"]),
});

/**
 * The list of polls changed: pages reload `polls.list` when a message
 * arrives, so a poll someone else opened appears without a reload. Fed only
 * by the bridge (`poll:opened`, `poll:closed`); a draft's creation is not
 * announced, since other users may not see drafts. One segment (`polls-directory`),
 * so it can never collide with the `polls.{pollId}` template.
 *
 * @example
 * useChannel(pollsDirectoryChannel, {}, () => reloadList());
 */
export const pollsDirectoryChannel = defineRealtimeChannel({
  name: "polls-directory",
  scope: "authenticated",
  schema: ZPollsDirectoryMessage,
  description: "Polls opened or closed: reload the list",
});
