import type { ChannelParams } from "../channels/channel-template";
import type { AnyRealtimeChannel, ChannelPayload } from "../channels/define-realtime-channel";
import type { BroadcastSourceGrant } from "./broadcast-source";
import type { BroadcastOptions, BroadcastReceipt, IRealtimeBroadcaster } from "./realtime-broadcaster";

/**
 * A broadcaster bound to one source: every broadcast carries `grant`,
 * whatever the caller passed, so code holding it can speak only as that
 * source. Bind code hands these to features; feature code calls `broadcast`
 * as before.
 *
 * @example
 * const realtime = withBroadcastSource(server.broadcaster, server.broadcaster.sources.allow({ kind: "event-bridge", name: "polls" }));
 * bindRealtimeBridge(bus, realtime, pollsDirectoryBridge);
 */
export function withBroadcastSource(broadcaster: IRealtimeBroadcaster, grant: BroadcastSourceGrant): IRealtimeBroadcaster {
  return {
    broadcast<D extends AnyRealtimeChannel>(
      channel: D,
      params: ChannelParams<D["name"]>,
      payload: ChannelPayload<D>,
      options: BroadcastOptions = {},
    ): Promise<BroadcastReceipt> {
      return broadcaster.broadcast(channel, params, payload, { ...options, source: grant });
    },
  };
}
