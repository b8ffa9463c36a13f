import { publicProcedure, router } from "@repo/core-trpc";

/**
 * The auth feature's procedures, mounted at `auth` in the app router.
 *
 * @example
 * await caller.auth.me(); // { id: "alice", roles: ["admin"] } or null
 */
export function createAuthRouter() {
  return router({
    /** Who the request is signed in as; `null` when signed out. */
    me: publicProcedure.query(({ ctx }) => (ctx.user === null ? null : { id: ctx.user.userId, roles: [...ctx.user.roles] })),
  });
}

export type AuthRouter = ReturnType<typeof createAuthRouter>;
