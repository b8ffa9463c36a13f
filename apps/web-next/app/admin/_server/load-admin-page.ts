import type { TDashboardSnapshot } from "@repo/admin-observability/client";
import type { PageCaller } from "../../../src/server/page-caller";

/** What the `/admin` page may do for one request: render with its first-paint data, or answer 403. */
export type AdminPageAccess = { readonly kind: "admin"; readonly snapshot: TDashboardSnapshot } | { readonly kind: "forbidden" };

/**
 * The check the page runs before rendering anything: the admin-only
 * `adminObservability.snapshot` procedure decides. A refusal (UNAUTHORIZED,
 * FORBIDDEN) or no page caller yet (server still binding) means 403; any
 * other failure is a server error and propagates.
 *
 * @example
 * const access = await loadAdminPage(findPageCaller(), cookieHeader);
 * if (access.kind === "forbidden") forbidden();
 */
export async function loadAdminPage(pageCaller: PageCaller | undefined, cookieHeader: string | undefined): Promise<AdminPageAccess> {
  if (pageCaller === undefined) return { kind: "forbidden" };
  const caller = await pageCaller.forRequest(cookieHeader);
  try {
    return { kind: "admin", snapshot: await caller.adminObservability.snapshot() };
  } catch (error) {
    if (pageCaller.isRefusal(error)) return { kind: "forbidden" };
    throw error;
  }
}
