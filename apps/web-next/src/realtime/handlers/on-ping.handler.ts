import type { RealtimeInboundHandler } from "@repo/core-realtime/server";
import type { realtimePingChannel, TRealtimePingReply } from "../realtime-ping.channel";

export interface OnPingDeps {
  readonly now: () => number;
}

/**
 * Answers a client's ping with the server's clock; the ack carries it back.
 *
 * @example
 * registry.register(realtimePingChannel, onPingHandler({ now: Date.now }));
 */
export function onPingHandler(deps: OnPingDeps): RealtimeInboundHandler<typeof realtimePingChannel> {
  return (payload): TRealtimePingReply => ({ serverTime: deps.now(), clientTime: payload.clientTime });
}
