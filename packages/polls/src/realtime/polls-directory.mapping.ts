import { bridgeEntry } from "@repo/core-realtime/server";
import type { RealtimeBridgeEntry } from "@repo/core-realtime/server";
import { pollClosed } from "../events/poll-closed.event";
import { pollOpened } from "../events/poll-opened.event";
import { pollsDirectoryChannel } from "./polls-directory.channel";

/**
 * The bridge allowlist of the polls directory: status changes that every
 * signed-in user may see, carrying the poll id and the new status only.
 *
 * @example
 * bindRealtimeBridge(ctx.bus, realtimeFor(ctx, { kind: "event-bridge", name: "polls" }), pollsDirectoryBridge);
 */
export const pollsDirectoryBridge: readonly RealtimeBridgeEntry[] = [
  bridgeEntry({ event: pollOpened, channel: pollsDirectoryChannel, map: ({ pollId }) => ({ params: {}, payload: { pollId, status: "open" as const } }) }),
  bridgeEntry({ event: pollClosed, channel: pollsDirectoryChannel, map: ({ pollId }) => ({ params: {}, payload: { pollId, status: "closed" as const } }) }),
];
