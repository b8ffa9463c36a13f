import { instrumentRealtimeHandler, realtimeFor } from "@repo/core-di";
import type { BindContext } from "@repo/core-di";
import { onPingHandler } from "./realtime/handlers/on-ping.handler";
import { startPingTicker } from "./realtime/ping-ticker";
import { createRealtimeRouter } from "./realtime/realtime-router";
import type { RealtimeRouter } from "./realtime/realtime-router";
import { realtimePingChannel } from "./realtime/realtime-ping.channel";

export interface AppRealtimeOptions {
  /** Tags ping ticks so a page can tell which instance it talks to. */
  readonly instanceId: string;
  readonly pingIntervalMs: number;
}

/** The app's own realtime pieces, mounted at `realtime` in the app router. */
export interface AppRealtimeModule {
  readonly router: RealtimeRouter;
  close(): Promise<void>;
}

/**
 * Wires what the app itself owns (not a feature): the built-in
 * `realtime-ping` channel, its inbound handler in the span+capture sandwich
 * (`instrumentRealtimeHandler`),
 * the instance-local tick, and the `realtime.channels` query. Lives in a
 * `bind-production.ts` because handlers may only be imported by bind files
 * (ADR-016 R1).
 *
 * @example
 * const appRealtime = bindProductionApp(ctx, { instanceId, pingIntervalMs: 1000 });
 */
export function bindProductionApp(ctx: BindContext, options: AppRealtimeOptions): AppRealtimeModule {
  ctx.realtimeRegistry.register(realtimePingChannel, instrumentRealtimeHandler(ctx, "realtime-ping.onPing", onPingHandler({ now: Date.now })));
  // @anchor:realtime-handlers

  const stopTicker = startPingTicker({
    broadcaster: realtimeFor(ctx, { kind: "app", name: "ping-ticker" }),
    instanceId: options.instanceId,
    intervalMs: options.pingIntervalMs,
    logger: ctx.logger,
  });
  return {
    router: createRealtimeRouter(ctx.realtimeRegistry),
    close: async () => stopTicker(),
  };
}
