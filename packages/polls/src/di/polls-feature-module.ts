import type { Container, FeatureModule } from "@repo/core-di";
import { createPollsRouter } from "../trpc/router";
import type { PollsRouter } from "../trpc/router";
import { PollsSymbols } from "./symbols";

/** The feature's name: its container name and its key in the app router. */
export const POLLS_FEATURE_NAME = "polls";

/**
 * What both bind files return once the container is complete. `stops` undo
 * the bus subscriptions (the directory bridge); `close()` runs them once.
 *
 * @example
 * return pollsFeatureModule(container, [bindRealtimeBridge(ctx.bus, realtimeFor(ctx, { kind: "event-bridge", name: "polls" }), pollsDirectoryBridge)]);
 */
export function pollsFeatureModule(container: Container, stops: ReadonlyArray<() => void> = []): FeatureModule<PollsRouter> {
  let closed = false;
  return {
    name: POLLS_FEATURE_NAME,
    container,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const stop of stops) stop();
    },
    router: createPollsRouter({
      create: container.get(PollsSymbols.createPoll),
      open: container.get(PollsSymbols.openPoll),
      close: container.get(PollsSymbols.closePoll),
      get: container.get(PollsSymbols.getPoll),
      list: container.get(PollsSymbols.listPolls),
    }),
  };
}
