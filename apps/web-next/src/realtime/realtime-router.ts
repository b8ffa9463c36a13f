import { publicProcedure, router } from "@repo/core-trpc";
import { authorize, describeScope } from "@repo/core-realtime";
import type { IRealtimeHandlerRegistry } from "@repo/core-realtime/server";

export interface RealtimeChannelListing {
  readonly name: string;
  /** `public`, `authenticated`, `role:<role>` or `userScoped:<param>`. */
  readonly scope: string;
  readonly isTemplate: boolean;
  /** May the caller subscribe? Known for static channels; `null` for templates (it depends on the params). */
  readonly authorized: boolean | null;
  readonly acceptsPublish: boolean;
  readonly description: string | null;
}

/**
 * The app's own `realtime` procedures.
 *
 * @example
 * await caller.realtime.channels(); // [{ name: "realtime-ping", scope: "public", authorized: true, ... }]
 */
export function createRealtimeRouter(registry: IRealtimeHandlerRegistry) {
  return router({
    /** Every registered channel, and whether the caller may subscribe to the static ones. */
    channels: publicProcedure.query(({ ctx }): RealtimeChannelListing[] =>
      registry
        .listChannels()
        .map((channel) => ({
          name: channel.name,
          scope: describeScope(channel.scope),
          isTemplate: channel.template.isTemplate,
          authorized: channel.template.isTemplate ? null : authorize(channel, {}, ctx.user).ok,
          acceptsPublish: registry.getInboundDescriptor(channel.name) !== undefined,
          description: channel.description ?? null,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ),
  });
}

export type RealtimeRouter = ReturnType<typeof createRealtimeRouter>;
