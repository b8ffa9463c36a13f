import { withBroadcastSource } from "@repo/core-realtime/server";
import type { BroadcastSource, IRealtimeBroadcaster } from "@repo/core-realtime/server";
import type { BindContext } from "./bind-context";

/**
 * The app's broadcaster bound to one source (the source gate, ADR-016): bind
 * code allows the source once and hands the result to a use case or a
 * bridge, whose code calls `broadcast` as before. Sources are configured
 * here, at bind time; nothing at run time can name one. After binding the
 * app seals the allowlist, and a new source throws `BroadcastSourcesSealedError`.
 *
 * @example
 * bindRealtimeBridge(ctx.bus, realtimeFor(ctx, { kind: "event-bridge", name: "polls" }), pollsDirectoryBridge);
 */
export function realtimeFor(ctx: Pick<BindContext, "realtime" | "realtimeSources">, source: BroadcastSource): IRealtimeBroadcaster {
  return withBroadcastSource(ctx.realtime, ctx.realtimeSources.allow(source));
}
