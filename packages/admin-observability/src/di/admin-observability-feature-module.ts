import type { Container, FeatureModule } from "@repo/core-di";
import { createAdminObservabilityRouter } from "../trpc/router";
import type { AdminObservabilityRouter } from "../trpc/router";
import { AdminObservabilitySymbols } from "./symbols";

/** The feature's name: its container name and its key in the app router (camelCase keeps the tRPC path plain). */
export const ADMIN_OBSERVABILITY_FEATURE_NAME = "adminObservability";

/**
 * What both bind files return once the container is complete. `stops` undo
 * what the bind file started (bus subscriptions, the bridge, the sampler
 * timer); `close()` runs them once.
 *
 * @example
 * return adminObservabilityFeatureModule(container, [stopActivityLog, stopBridge, sampler.stop]);
 */
export function adminObservabilityFeatureModule(container: Container, stops: ReadonlyArray<() => void>): FeatureModule<AdminObservabilityRouter> {
  let closed = false;
  return {
    name: ADMIN_OBSERVABILITY_FEATURE_NAME,
    container,
    router: createAdminObservabilityRouter({ getSnapshot: container.get(AdminObservabilitySymbols.getDashboardSnapshot) }),
    close: () => {
      if (!closed) {
        closed = true;
        for (const stop of stops) stop();
      }
      return Promise.resolve();
    },
  };
}
