import type { Logger } from "@repo/core-observability";
import type { IRealtimeBroadcaster } from "@repo/core-realtime/server";
import { realtimePingChannel } from "./realtime-ping.channel";

export interface PingTickerOptions {
  readonly broadcaster: IRealtimeBroadcaster;
  readonly instanceId: string;
  readonly intervalMs: number;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * Broadcasts `{ serverTime, instanceId }` on `realtime-ping` every
 * `intervalMs`, instance-local (`local: true`): each instance ticks for its
 * own sockets, so nothing crosses Redis. Returns the stop function.
 *
 * @example
 * const stop = startPingTicker({ broadcaster, instanceId, intervalMs: 1000, logger });
 */
export function startPingTicker(options: PingTickerOptions): () => void {
  const now = options.now ?? Date.now;
  const timer = setInterval(() => {
    options.broadcaster
      .broadcast(realtimePingChannel, {}, { serverTime: now(), instanceId: options.instanceId }, { local: true })
      .catch((error: unknown) => options.logger.error({ err: error, channel: realtimePingChannel.name }, "realtime_ping_tick_failed"));
  }, options.intervalMs);
  // A tick must never keep a process alive that is otherwise done.
  timer.unref();
  return () => clearInterval(timer);
}
