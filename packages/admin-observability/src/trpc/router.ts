import { roleProcedure, router } from "@repo/core-trpc";
import type { GetDashboardSnapshot } from "../use-cases/get-dashboard-snapshot";

export interface AdminObservabilityRouterDeps {
  readonly getSnapshot: GetDashboardSnapshot;
}

/**
 * The dashboard's procedures, mounted at `adminObservability`. Admins only:
 * a signed-in user without the role gets FORBIDDEN, a guest UNAUTHORIZED.
 *
 * @example
 * await caller.adminObservability.snapshot(); // { sampleIntervalMs, samples: [...], events: [...] }
 */
export function createAdminObservabilityRouter(deps: AdminObservabilityRouterDeps) {
  return router({
    snapshot: roleProcedure("admin").query(() => deps.getSnapshot()),
  });
}

export type AdminObservabilityRouter = ReturnType<typeof createAdminObservabilityRouter>;
