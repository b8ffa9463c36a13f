import type { UserSummary } from "@repo/auth";
import type { PageCaller } from "../../../../src/server/page-caller";

/** What `/admin/users` may do for one request: render the accounts, or answer 403. */
export type UsersPageAccess = { readonly kind: "admin"; readonly users: readonly UserSummary[] } | { readonly kind: "forbidden" };

/**
 * The check the page runs before rendering anything: the admin-only
 * `auth.listUsers` procedure decides (the caller's roles are read from the
 * database on this request). A refusal, or no page caller yet, is 403;
 * any other failure propagates.
 *
 * @example
 * const access = await loadUsersPage(findPageCaller(), cookieHeader);
 * if (access.kind === "forbidden") forbidden();
 */
export async function loadUsersPage(pageCaller: PageCaller | undefined, cookieHeader: string | undefined): Promise<UsersPageAccess> {
  if (pageCaller === undefined) return { kind: "forbidden" };
  const caller = await pageCaller.forRequest(cookieHeader);
  try {
    return { kind: "admin", users: await caller.auth.listUsers() };
  } catch (error) {
    if (pageCaller.isRefusal(error)) return { kind: "forbidden" };
    throw error;
  }
}
